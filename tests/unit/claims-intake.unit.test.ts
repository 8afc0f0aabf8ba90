/**
 * How claims come in: the rate card is a contract the builder enforces; an engagement without one offers no
 * claim and a claim for it is held for staff, never priced with a default; the session's date decides
 * whether a claim is late; a claim with no answers counts as a claim, not as a response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementResults } from '../../src/server/services/insight';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { bankClaim, sendClaim } from '../support/claims';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let organiser: string;
beforeAll(async () => {
  s = await startTestApp();
  organiser = (await staffCookie(s, ['organiser'])).cookie;
});
afterAll(async () => {
  await s.close();
});

const claimRow = (id: string) => s.database.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const send = (method: 'PUT' | 'POST', url: string, body?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: { cookie: organiser, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

describe('claims coming in', () => {
  it('an engagement without a rate card: its claim is held for staff, unpriced, never lost', async () => {
    // the demo offers expenses: its organiser publishes a version without them
    await publishRateCard(s, null);
    // with the default card this taxi line would warn: over the cap, and no reason given
    const taxi = {
      ...bankClaim('Ann Example', '089999', '66374958', []),
      lines: [{ category: 'taxi' as const, amountPence: 9_999, receipt: 0 }],
    };
    const id = await sendClaim(s, taxi);
    const row = await claimRow(id);
    expect(row).toMatchObject({ status: 'submitted', held_reason: 'no_rate_card' });
    // no default card's caps were applied: no warnings at all
    const lines = await s.database.db.selectFrom('claim_lines').select('warnings_json').where('claim_id', '=', id).execute();
    expect(lines.map((l) => l.warnings_json)).toEqual(['[]']);
  });

  it('the builder refuses a rate card that breaks the contract, naming the field', async () => {
    const made = await send('POST', '/api/staff/engagements', { slug: 'rates', title: 'Rates' });
    const id = made.json().id;
    const content = {
      defaultLocale: 'en',
      locales: ['en'],
      title: { en: { standard: 'Rates' } },
      purpose: {},
      privacy: { en: { standard: 'Privacy' } },
      questions: [{ id: 'q1', type: 'text', title: { en: { standard: 'Say' } } }],
    };
    const bad = await send('PUT', `/api/staff/engagements/${id}/draft`, { content: { ...content, rateCard: { travelPerMilePence: 45 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^content\.rateCard/);
    const negative = { ...DEFAULT_RATE_CARD, mileage: { ...DEFAULT_RATE_CARD.mileage, car: -1 } };
    const neg = await send('PUT', `/api/staff/engagements/${id}/draft`, { content: { ...content, rateCard: negative } });
    expect(neg.json().message).toMatch(/^content\.rateCard\.mileage\.car: /);
    expect(
      (await send('PUT', `/api/staff/engagements/${id}/draft`, { content: { ...content, rateCard: DEFAULT_RATE_CARD } })).statusCode,
    ).toBe(200);
    expect((await send('POST', `/api/staff/engagements/${id}/publish`)).statusCode).toBe(201);
  });

  it('the session date decides lateness, also when the session is reported after its claims', async () => {
    await publishRateCard(s, { ...DEFAULT_RATE_CARD, claimDeadlineDays: 30 });
    const sessionId = crypto.randomUUID();
    const claim = { ...bankClaim('Ann Example', '089999', '66374958', [400]), at: new Date().toISOString() };
    const id = await sendClaim(s, claim, { sessionId });
    expect((await claimRow(id)).late).toBe(0);
    const opened = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const report = {
      id: sessionId,
      engagementSlug: s.engagement.slug,
      venue: 'Library',
      area: 'G42',
      date: opened.slice(0, 10),
      timeZone: 'Europe/London',
      openedAt: opened,
      closedAt: opened,
      attendance: 3,
      notes: '',
      floatIssued: 0,
      floatPaidOut: 0,
      floatReturned: 0,
    };
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/sync/sessions',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ sessions: [report] }),
    });
    expect(res.statusCode).toBe(200);
    expect((await claimRow(id)).late).toBe(1);
    // a later claim for the same, now known, session is late as it lands
    const later = await sendClaim(s, claim, { sessionId });
    expect((await claimRow(later)).late).toBe(1);
  });

  it('a claim with no answers counts as a claim, not a response', async () => {
    const before = await engagementResults(s.database.db, s.engagement.engagementId, 'Europe/London');
    await sendClaim(s, bankClaim('Ann Example', '089999', '66374958', [300]), { claimOnly: true });
    await sendClaim(s, bankClaim('Ann Example', '089999', '66374958', [300]));
    const after = await engagementResults(s.database.db, s.engagement.engagementId, 'Europe/London');
    expect(after.total).toBe(before.total + 1);
    expect(after.claimOnly).toBe(before.claimOnly + 1);
  });
});
