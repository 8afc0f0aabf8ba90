/**
 * Issue 8 and DESIGN.md AuditEvent: every staff read of personal data and every export writes an audit
 * entry (who, what, when). Every staff GET route must be named below as audited or as carrying no personal
 * data, so a new route cannot slip through unclassified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { sendFullParticipant } from '../support/participant';
import { ORIGIN, staffCookie } from '../support/staff';

/** Routes that reveal personal data or export: each call is audited with one of these actions. */
const AUDITED: Record<string, string[]> = {
  'GET /api/finance/claims/:id': ['claim.bank_details_read', 'claim.read'],
  'GET /api/staff/feedback/:id/contacts': ['read.contacts', 'export.contacts'],
  'GET /api/staff/insight/:id/export': ['export.answers', 'export.themes', 'export.aggregates'],
  'GET /api/finance/engagements/:id/totals.csv': ['export.claim_totals'],
  'POST /api/finance/payment-runs': ['payment_run.exported'],
  'GET /api/finance/payment-runs/:id': ['payment_run.read'],
  'GET /api/finance/payment-runs/:id/file': ['payment_run.exported'],
  'GET /api/admin/audit.csv': ['export.audit'],
  // opened from the sealed bundle; the reads are tested in sealed-media.unit.test.ts
  'GET /api/finance/claims/:id/lines/:idx/receipt': ['claim.receipt_read'],
  'GET /api/staff/insight/:id/voice/:bundleId/:questionId': ['answer.voice_played'],
  // tested in held-repair.unit.test.ts
  'GET /api/staff/held/:id': ['bundle.read_for_repair'],
};

/** Staff GET routes that show no participant's personal data, and why. */
const NO_PERSONAL_DATA: Record<string, string> = {
  'GET /api/staff/me': 'the signed-in person themselves',
  'GET /api/staff/held': 'ids, devices, times and reasons of bundles that could not be opened; never their content',
  'GET /api/staff/users': 'staff accounts, admin only',
  'GET /api/staff/devices': 'devices, not people',
  'GET /api/staff/engagements': 'engagement content',
  'GET /api/staff/engagements/:id': 'engagement content',
  'GET /api/staff/engagements/:id/xlsform': 'engagement content, as a spreadsheet',
  'GET /api/staff/engagements/:id/paper': 'engagement content and its public key, to seal paper forms',
  'GET /api/staff/pictograms': 'OpenMoji symbols matching a word',
  'GET /api/staff/feedback/:id': 'the organiser’s own feedback draft',
  'GET /api/staff/insight/:id/results': 'anonymous answers and suppressed aggregates',
  'GET /api/staff/insight/:id/participation': 'aggregates with small numbers suppressed',
  'GET /api/staff/insight/:id/crosstab': 'a two-way aggregate with small numbers suppressed, margins included',
  'GET /api/finance/claims': 'reference codes, amounts and masked accounts only',
  'GET /api/finance/floats/:sessionId': 'cash totals per session',
  'GET /api/finance/sessions': 'venues, dates, attendance and floats that devices reported',
  'GET /api/finance/engagements/:id/totals': 'totals by category and method',
  'GET /api/finance/payment-runs': 'runs: state, the staff member who made each, counts and totals',
  'GET /api/admin/audit': 'the audit log for admins: staff actions on subjects by id; codes are logged only as hashes',
};

let s: TestServer;
type Who = Awaited<ReturnType<typeof staffCookie>>;
let finance: Who;
let organiser: Who;
let claimId: string;

beforeAll(async () => {
  s = await startTestApp();
  finance = await staffCookie(s, ['finance']);
  organiser = await staffCookie(s, ['organiser', 'analyst']);
  claimId = (await sendFullParticipant(s)).item.id;
  await openAcknowledged(s);
});
afterAll(async () => {
  await s.close();
});

async function auditedBy(who: Who, method: 'GET' | 'POST', url: string) {
  const before = await s.database.db.selectFrom('audit_events').select('id').execute();
  const res = await s.app.inject({
    method,
    url,
    headers: { cookie: who.cookie, origin: ORIGIN, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(method === 'POST' ? { payload: '{}' } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
  const seen = new Set(before.map((b) => b.id));
  const events = await s.database.db.selectFrom('audit_events').selectAll().where('actor', '=', who.actor).execute();
  return { body: res.body, actions: events.filter((e) => !seen.has(e.id)).map((e) => e.action) };
}

describe('audit of staff reads and exports', () => {
  it('every staff GET route is classified as audited or as showing no personal data', () => {
    const staffGets = s.app.routeTable
      .filter((r) => r.access?.kind === 'staff' && r.method === 'GET')
      .map((r) => `GET ${r.url}`)
      .filter((k) => !(k in AUDITED) && !(k in NO_PERSONAL_DATA));
    expect(staffGets, 'classify these routes in audit-reads.unit.test.ts').toEqual([]);
    for (const key of Object.keys(AUDITED)) {
      const [method, url] = key.split(' ');
      expect(
        s.app.routeTable.some((r) => r.method === method && r.url === url),
        key,
      ).toBe(true);
    }
  });

  it('reading a claim with bank details, the contacts, and every export each write an audit entry', async () => {
    const e = s.engagement.engagementId;
    const claim = await auditedBy(finance, 'GET', `/api/finance/claims/${claimId}`);
    expect(claim.body).toContain('87654321');
    expect(claim.actions).toEqual(['claim.bank_details_read']);
    expect((await auditedBy(organiser, 'GET', `/api/staff/feedback/${e}/contacts`)).actions).toEqual(['read.contacts']);
    expect((await auditedBy(organiser, 'GET', `/api/staff/feedback/${e}/contacts?format=csv`)).actions).toEqual(['export.contacts']);
    for (const kind of ['answers', 'themes', 'aggregates']) {
      for (const format of ['csv', 'json']) {
        const out = await auditedBy(organiser, 'GET', `/api/staff/insight/${e}/export?kind=${kind}&format=${format}`);
        expect(out.actions, `${kind} ${format}`).toEqual([`export.${kind}`]);
      }
    }
    expect((await auditedBy(finance, 'GET', `/api/finance/engagements/${e}/totals.csv`)).actions).toEqual(['export.claim_totals']);
  });

  it('a claim without bank details is audited as a read too (names and addresses are personal data)', async () => {
    await s.database.db.updateTable('claims').set({ bank_sealed: null }).where('id', '=', claimId).execute();
    expect((await auditedBy(finance, 'GET', `/api/finance/claims/${claimId}`)).actions).toEqual(['claim.read']);
  });
});
