import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideLines, getClaim, listClaims, secondApprove } from '../../src/server/services/finance';
import {
  createPaymentRun,
  floatReport,
  purgeBankDetails,
  reconcileFloat,
  recordFloat,
  recordRunResult,
  totals,
  totalsCsv,
} from '../../src/server/services/finance-payments';
import type { Claim } from '../../src/shared/claims';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { sendClaim } from '../support/claims';

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
  await publishRateCard(s);
});
afterAll(async () => {
  await s.close();
});

const at = new Date().toISOString();
// each claim's receipt is its own photo: a hash shared between tests would flag a duplicate depending on their order
const photo = () => randomBytes(32).toString('hex');
const bankClaim = (): Claim => ({
  lines: [
    { category: 'public_transport', amountPence: 420, receipt: 0, receiptSha256: photo() },
    {
      category: 'mileage',
      amountPence: 625,
      quantityMilli: 12_500,
      ratePence: 50,
      vehicle: 'car',
      passengers: 1,
      from: 'Home',
      to: 'Library',
    },
    {
      category: 'childcare',
      amountPence: 3000,
      quantityMilli: 2000,
      ratePence: 1500,
      noReceiptReason: 'A neighbour',
      childcareDeclared: true,
    },
  ],
  payment: { method: 'bank', accountName: 'Ann Example', sortCode: '123456', accountNumber: '12345678' },
  declaration: { kind: 'typed', name: 'Ann Example' },
  at,
});
const send = (claim: Claim, opts: { sessionId?: string } = {}) => sendClaim(s, claim, opts);

describe('claims from bundles, and finance', () => {
  it('stores the claim with its bundle, bank details sealed and masked', async () => {
    const id = await send(bankClaim());
    const row = await s.database.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(Number(row.claimed_pence)).toBe(4045);
    expect(row.bank_sealed).not.toContain('12345678');
    expect(row.payment_json).not.toContain('12345678');
    const [summary] = (await listClaims(s.database.db, { engagementId: s.engagement.engagementId })).filter((c) => c.id === id);
    expect(summary?.account).toBe('****5678');
    // named for the list, and small enough for one person to approve in full
    expect(summary).toMatchObject({ lineCount: 3, secondIfApproved: false });
    expect(summary?.engagementTitle).not.toBe('(unknown engagement)');
    const masked = await getClaim(s.database.db, s.serverKey, id, null);
    expect(JSON.stringify(masked)).not.toContain('12345678');
    const full = await getClaim(s.database.db, s.serverKey, id, { actor: 'fin-1' });
    expect(full.bank).toEqual({ accountName: 'Ann Example', sortCode: '123456', accountNumber: '12345678' });
    expect(full.audit.map((e) => e.action)).toEqual(['claim.submitted', 'claim.bank_details_read']);
    expect(full.lines.map((l) => l.warnings)).toEqual([[], [], []]);
  });

  it('approve two lines, query one; answer; payment run CSV has exactly the approved amount; paid; purge after retention', async () => {
    const id = await send(bankClaim());
    await decideLines(s.database.db, id, 'fin-1', [
      { idx: 0, decision: 'approve' },
      { idx: 1, decision: 'approve' },
      { idx: 2, decision: 'query', reason: 'Who looked after the children?' },
    ]);
    let c = await getClaim(s.database.db, s.serverKey, id, null);
    expect(c.status).toBe('needs_info');
    await expect(
      decideLines(s.database.db, id, 'fin-1', [{ idx: 2, decision: 'reduce', reason: 'x', reducedToPence: 3000 }]),
    ).rejects.toThrow(/less than/);
    await decideLines(s.database.db, id, 'fin-1', [{ idx: 2, decision: 'reject', reason: 'Not enough detail' }]);
    c = await getClaim(s.database.db, s.serverKey, id, null);
    expect(c.status).toBe('partially_approved');
    expect(c.approvedPence).toBe(1045);

    const run = await createPaymentRun(s.database.db, s.serverKey, 'fin-1');
    const rows = run.file.trim().split('\r\n');
    expect(rows[0]).toBe('payee,sort_code,account_number,amount,reference');
    const mine = rows.find((r) => r.includes(c.referenceCode as string));
    // payee names go to the bank in the Bacs character set
    expect(mine).toBe(`ANN EXAMPLE,123456,12345678,10.45,BLETHER ${c.referenceCode}`);
    await expect(createPaymentRun(s.database.db, s.serverKey, 'fin-1')).rejects.toThrow(/No approved/);
    await recordRunResult(s.database.db, run.id, 'fin-1', []);
    c = await getClaim(s.database.db, s.serverKey, id, null);
    expect(c.status).toBe('paid');

    expect(await purgeBankDetails(s.database.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await purgeBankDetails(s.database.db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    c = await getClaim(s.database.db, s.serverKey, id, { actor: 'fin-1' });
    expect(c.bank).toEqual({ masked: '****5678' });
    expect(c.bankPurgedAt).not.toBeNull();
    const row = await s.database.db.selectFrom('claims').select('bank_sealed').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.bank_sealed).toBeNull();
    expect(c.audit.map((e) => e.action)).toContain('claim.bank_details_purged');

    const t = await totals(s.database.db, s.engagement.engagementId);
    expect(t.byCategory.childcare?.approvedPence).toBe(0);
    expect(totalsCsv(t)).toMatch(/category,mileage,/);
  });

  it('a failed payment goes back to approved; above the threshold a second, different approver is needed', async () => {
    const big: Claim = { ...bankClaim(), lines: [{ category: 'support_worker', amountPence: 15_000, receipt: 0 }] };
    const id = await send(big);
    // before anyone looks, the list already says a full approval would need a second person
    expect((await listClaims(s.database.db, {})).find((x) => x.id === id)?.secondIfApproved).toBe(true);
    await decideLines(s.database.db, id, 'fin-1', [{ idx: 0, decision: 'approve' }]);
    expect((await listClaims(s.database.db, {})).find((x) => x.id === id)?.needsSecond).toBe(true);
    await expect(createPaymentRun(s.database.db, s.serverKey, 'fin-1')).rejects.toThrow(/No approved/);
    await expect(secondApprove(s.database.db, id, 'fin-1')).rejects.toThrow(/someone other/);
    await secondApprove(s.database.db, id, 'fin-2');
    const run = await createPaymentRun(s.database.db, s.serverKey, 'fin-1');
    expect(run.totalPence).toBe(15_000);
    await recordRunResult(s.database.db, run.id, 'fin-1', [{ claimId: id, reason: 'Account closed' }]);
    const c = await getClaim(s.database.db, s.serverKey, id, null);
    expect(c.status).toBe('approved');
    expect(c.audit.map((e) => e.action)).toContain('claim.payment_failed');
  });

  it('a cash-on-the-day claim reconciles against its session float', async () => {
    const sessionId = `session-${crypto.randomUUID()}`;
    const cash: Claim = {
      ...bankClaim(),
      lines: [{ category: 'public_transport', amountPence: 640 }],
      payment: { method: 'cash', handedOverPence: 640, facilitatorRecorded: true, participantConfirmed: true },
    };
    const id = await send(cash, { sessionId });
    expect((await getClaim(s.database.db, s.serverKey, id, null)).status).toBe('paid_on_day');
    await recordFloat(s.database.db, sessionId, 'fin-1', 5000, 4000);
    let r = await floatReport(s.database.db, sessionId);
    expect(r).toMatchObject({ issuedPence: 5000, paidOutPence: 640, returnedPence: 4000, differencePence: 360 });
    await expect(reconcileFloat(s.database.db, sessionId, 'fin-1', undefined)).rejects.toThrow(/does not balance/);
    await recordFloat(s.database.db, sessionId, 'fin-1', 5000, 4360);
    r = await reconcileFloat(s.database.db, sessionId, 'fin-1', undefined);
    expect(r.differencePence).toBe(0);
    expect(r.claims).toEqual([expect.objectContaining({ id, status: 'reconciled', pence: 640 })]);
  });

  it('the same receipt image twice is flagged; a duplicate bundle stores no second claim', async () => {
    const first = bankClaim();
    const firstId = await send(first);
    const receiptSha256 = first.lines[0]?.receiptSha256;
    const again: Claim = { ...bankClaim(), lines: [{ category: 'parking', amountPence: 300, receipt: 0, receiptSha256 }] };
    const id = await send(again);
    expect((await getClaim(s.database.db, s.serverKey, firstId, null)).lines[0]?.warnings).toEqual([]);
    const c = await getClaim(s.database.db, s.serverKey, id, null);
    expect(c.lines[0]?.warnings).toContain('duplicate_receipt');
  });
});
