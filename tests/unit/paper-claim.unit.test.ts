/** The claim on a paper form typed in by staff: built into the shared claim contract, then taken by the server like a device's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyClaim, newLine, paperMethods, toClaim } from '../../src/features/manage/paper-claim';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { openAcknowledged, publishRateCard, startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';
import { ORIGIN, staffCookie } from '../support/staff';

const card = { ...DEFAULT_RATE_CARD, timePaymentPence: 2000 };
const filled = () => ({
  ...emptyClaim(),
  made: true,
  lines: [
    { ...newLine(card), category: 'mileage' as const, quantity: '12.5', vehicle: 'car' as const },
    { ...newLine(card), category: 'taxi' as const, amount: '£8.40' },
  ],
  time: true,
  method: 'bank' as const,
  accountName: 'M Paper',
  sortCode: '12-34-56',
  accountNumber: '12345678',
  signedName: 'Morag Paper',
});

describe('a paper claim in the shared contract', () => {
  it('works out mileage from the card, reads pounds as typed, adds time, and keeps the bank details as digits', () => {
    const claim = toClaim(filled(), card);
    if (!claim || 'problem' in claim) throw new Error(`no claim: ${JSON.stringify(claim)}`);
    expect(claim.lines).toEqual([
      { category: 'mileage', quantityMilli: 12_500, ratePence: 45, amountPence: 563, vehicle: 'car', passengers: 0 },
      { category: 'taxi', amountPence: 840 },
    ]);
    expect(claim.time).toEqual({ choice: 'accept', amountPence: 2000 });
    expect(claim.payment).toEqual({ method: 'bank', accountName: 'M Paper', sortCode: '123456', accountNumber: '12345678' });
    expect(claim.declaration).toEqual({ kind: 'typed', name: 'Morag Paper' });
  });

  it('says what to fix, and a form without a claim has none', () => {
    expect(toClaim(emptyClaim(), card)).toBeNull();
    expect(toClaim(filled(), null)).toBeNull();
    const problem = (change: object) => (toClaim({ ...filled(), ...change }, card) as { problem: string }).problem;
    expect(problem({ sortCode: '12345' })).toMatch(/sort code has 6 digits/);
    expect(problem({ signedName: ' ' })).toMatch(/name the person signed/);
    expect(problem({ method: '' })).toMatch(/choose how/);
    expect(problem({ lines: [{ ...newLine(card), category: 'taxi', amount: 'lots' }] })).toMatch(/Cost 1: enter the amount/);
    expect(problem({ lines: [], time: false })).toMatch(/add each cost/);
  });

  it('never offers cash: it is handed over at a session, on the device', () => {
    expect(paperMethods({ paymentOptions: ['bank', 'cash', 'none'] })).toEqual(['bank', 'none']);
  });
});

describe('the server takes a paper claim like a device claim', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestApp();
    await publishRateCard(s, card);
  });
  afterAll(async () => {
    await s.close();
  });

  it('stores the claim of a paper form entered by an organiser, recorded against them', async () => {
    const organiser = await staffCookie(s, ['organiser']);
    const claim = toClaim(filled(), card);
    if (!claim || 'problem' in claim) throw new Error('no claim');
    const item = await sealedItem(s.engagement, { inputMethod: 'paper', claim });
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/staff/engagements/${s.engagement.engagementId}/paper`,
      headers: { cookie: organiser.cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify(item),
    });
    expect(res.statusCode).toBe(201);
    await openAcknowledged(s);
    const row = await s.database.db.selectFrom('claims').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect([row.claimed_pence, row.payment_method, row.bank_last4, row.device_id].map(String)).toEqual([
      String(563 + 840 + 2000),
      'bank',
      '5678',
      `staff:${organiser.id}`,
    ]);
  });
});
