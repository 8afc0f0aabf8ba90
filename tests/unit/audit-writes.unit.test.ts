/**
 * DESIGN.md AuditEvent: every state-changing staff action writes an audit event. Every state-changing route
 * in the route table (staff routes, and the public ones that sign in, set up or enrol) must be listed below
 * with a valid call; each call, by someone allowed to make it, must succeed and add an audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, Role } from '../../src/server/auth/roles';
import { createSetupToken } from '../../src/server/auth/users';
import { getForStaff } from '../../src/server/services/builder';
import { createEnrolmentCode, enrolDevice } from '../../src/server/services/devices';
import { decideLines } from '../../src/server/services/finance';
import { createPaymentRun } from '../../src/server/services/payment-runs';
import { toXlsform } from '../../src/server/services/xlsform';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';
import { publishRateCard, startTestApp, type TestServer } from '../support/app';
import { bankClaim, sendClaim } from '../support/claims';
import { sendFullParticipant } from '../support/participant';
import { ORIGIN, staffCookie } from '../support/staff';
import { sendUnopenable } from '../support/unopenable';

interface Call {
  url: string;
  body?: unknown;
  /** a cookie of its own (e.g. signing out); default: a new person with the route's first role */
  cookie?: string;
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestApp();
});
afterAll(async () => {
  await s.close();
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PASSWORD = 'correct horse battery staple';
const state: Record<string, string> = {};
const e = () => s.engagement.engagementId;
const claim = (amounts: number[]) => sendClaim(s, bankClaim('Ann Example', '089999', '66374958', amounts));
const approved = async (amounts: number[]) => {
  const id = await claim(amounts);
  await decideLines(s.database.db, id, 'staff:someone-else@example.org', [{ idx: 0, decision: 'approve' }]);
  return id;
};

/** In this order: later calls use what earlier ones made. */
const CALLS: Record<string, () => Promise<Call>> = {
  'POST /api/staff/setup': async () => ({
    url: '/api/staff/setup',
    body: { token: await createSetupToken(s.database.db), email: 'first@example.org', name: 'First', password: PASSWORD },
  }),
  'POST /api/staff/users': async () => ({
    url: '/api/staff/users',
    body: { email: 'ann@example.org', name: 'Ann', password: PASSWORD, roles: ['analyst'] },
  }),
  'PATCH /api/staff/users/:id': async () => {
    const user = await s.database.db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'ann@example.org')
      .executeTakeFirstOrThrow();
    return { url: `/api/staff/users/${user.id}`, body: { roles: ['analyst', 'finance'] } };
  },
  'POST /api/staff/login': async () => ({ url: '/api/staff/login', body: { email: 'ann@example.org', password: PASSWORD } }),
  'POST /api/staff/logout': async () => ({ url: '/api/staff/logout', cookie: (await staffCookie(s, ['analyst'])).cookie }),
  'POST /api/staff/logout-everywhere': async () => ({
    url: '/api/staff/logout-everywhere',
    cookie: (await staffCookie(s, ['analyst'])).cookie,
  }),
  'POST /api/staff/devices/codes': async () => ({ url: '/api/staff/devices/codes' }),
  'POST /api/staff/held/:id/repair': async () => {
    const held = await sendUnopenable(s, { contact: { email: 'ann at example dot com' } });
    return {
      url: `/api/staff/held/${held.id}/repair`,
      body: { payload: { ...held, contact: { email: 'ann@example.com' } }, note: 'the address in words' },
    };
  },
  'POST /api/devices/enrol': async () => ({
    url: '/api/devices/enrol',
    body: { code: (await createEnrolmentCode(s.database.db, null)).code, name: 'Spare tablet' },
  }),
  'PUT /api/staff/devices/:id/engagements': async () => ({
    url: `/api/staff/devices/${s.deviceId}/engagements`,
    body: { scope: 'all', engagementIds: [] },
  }),
  'POST /api/staff/devices/:id/revoke': async () => {
    const lost = await enrolDevice(s.database.db, { code: (await createEnrolmentCode(s.database.db, null)).code, name: 'Lost' });
    return { url: `/api/staff/devices/${lost.deviceId}/revoke` };
  },
  'POST /api/staff/engagements': async () => ({ url: '/api/staff/engagements', body: { slug: 'audit-test', title: 'Audit test' } }),
  'PUT /api/staff/engagements/:id/draft': async () => {
    const made = await s.database.db.selectFrom('engagements').select('id').where('slug', '=', 'audit-test').executeTakeFirstOrThrow();
    state.built = made.id;
    const content = {
      defaultLocale: 'en',
      locales: ['en'],
      title: { en: { standard: 'Audit test' } },
      purpose: {},
      privacy: { en: { standard: 'We keep your answers safe.' } },
      questions: [{ id: 'q1', type: 'text', title: { en: { standard: 'Anything else?' } } }],
      rateCard: DEFAULT_RATE_CARD,
    };
    return { url: `/api/staff/engagements/${made.id}/draft`, body: { content } };
  },
  'POST /api/staff/engagements/:id/publish': async () => ({ url: `/api/staff/engagements/${state.built}/publish` }),
  'POST /api/staff/engagements/:id/clone': async () => ({
    url: `/api/staff/engagements/${state.built}/clone`,
    body: { slug: 'audit-test-copy', title: 'Audit test copy', version: 1 },
  }),
  'POST /api/staff/engagements/:id/xlsform': async () => {
    const sheet = await toXlsform((await getForStaff(s.database.db, state.built)).content);
    return { url: `/api/staff/engagements/${state.built}/xlsform`, body: { name: 'audit.xlsx', dataBase64: sheet.toString('base64') } };
  },
  'POST /api/staff/media': async () => ({ url: '/api/staff/media', body: { name: 'dot.png', type: 'image/png', dataBase64: PNG } }),
  'POST /api/staff/engagements/:id/paper': async () => {
    await publishRateCard(s);
    const { sealedItem } = await import('../support/bundles');
    return { url: `/api/staff/engagements/${e()}/paper`, body: await sealedItem(s.engagement, { inputMethod: 'paper' }) };
  },
  'PUT /api/staff/feedback/:id': async () => ({
    url: `/api/staff/feedback/${e()}`,
    body: {
      content: {
        intro: { en: { standard: 'Thank you.' } },
        items: [{ said: { en: { standard: 'Open later.' } }, did: { en: { standard: 'We open late on Thursdays.' } } }],
      },
    },
  }),
  'POST /api/staff/feedback/:id/publish': async () => ({ url: `/api/staff/feedback/${e()}/publish` }),
  'PUT /api/staff/insight/:id/reference': async () => ({
    url: `/api/staff/insight/${e()}/reference`,
    body: { dimension: 'ageBand', source: 'Census 2022', shares: { '18-24': 10, '25-64': 60, '65-plus': 30 } },
  }),
  'POST /api/staff/insight/:id/themes': async () => ({ url: `/api/staff/insight/${e()}/themes`, body: { name: 'Opening hours' } }),
  'POST /api/staff/insight/:id/tags': async () => {
    const theme = await s.database.db.selectFrom('themes').select('id').executeTakeFirstOrThrow();
    state.theme = theme.id;
    const { item } = await sendFullParticipant(s);
    state.participant = item.id;
    return { url: `/api/staff/insight/${e()}/tags`, body: { themeId: theme.id, bundleId: item.id, questionId: 'else', tagged: true } };
  },
  'DELETE /api/staff/insight/:id/themes/:themeId': async () => ({ url: `/api/staff/insight/${e()}/themes/${state.theme}` }),
  'POST /api/finance/claims/:id/decisions': async () => ({
    url: `/api/finance/claims/${await claim([500])}/decisions`,
    body: { decisions: [{ idx: 0, decision: 'approve' }] },
  }),
  'POST /api/finance/claims/:id/second-approval': async () => ({ url: `/api/finance/claims/${await approved([15_000])}/second-approval` }),
  'POST /api/finance/claims/:id/withdraw': async () => ({
    url: `/api/finance/claims/${await claim([700])}/withdraw`,
    body: { reason: 'Sent twice' },
  }),
  'POST /api/finance/payment-runs': async () => ({ url: '/api/finance/payment-runs', body: { format: 'csv' } }),
  'POST /api/finance/payment-runs/:id/outcomes': async () => {
    const run = await s.database.db.selectFrom('payment_run_claims').select(['run_id', 'claim_id']).executeTakeFirstOrThrow();
    return { url: `/api/finance/payment-runs/${run.run_id}/outcomes`, body: { outcomes: [{ claimId: run.claim_id, outcome: 'paid' }] } };
  },
  'POST /api/finance/payment-runs/:id/result': async () => {
    await approved([800]);
    const run = await createPaymentRun(s.database.db, s.serverKey, 'staff:fin@example.org');
    return { url: `/api/finance/payment-runs/${run.id}/result`, body: { failed: [] } };
  },
  'POST /api/finance/floats/:sessionId': async () => ({
    url: '/api/finance/floats/session-1',
    body: { issuedPence: 5000, returnedPence: 5000 },
  }),
  'POST /api/finance/floats/:sessionId/reconcile': async () => ({ url: '/api/finance/floats/session-1/reconcile', body: {} }),
  'POST /api/staff/erasures/preview': async () => {
    const { item } = await sendFullParticipant(s);
    const row = await s.database.db.selectFrom('bundles').select('reference_code').where('id', '=', item.id).executeTakeFirstOrThrow();
    state.reference = row.reference_code;
    return { url: '/api/staff/erasures/preview', body: { reference: row.reference_code } };
  },
  'POST /api/staff/erasures': async () => ({ url: '/api/staff/erasures', body: { reference: state.reference, reason: 'Asked by phone' } }),
};

/** State-changing routes that staff actions reach: every staff route but GET, and the public sign-in, setup and enrolment. */
function stateChanging() {
  const publicOnes = ['/api/staff/login', '/api/staff/setup', '/api/devices/enrol'];
  return s.app.routeTable.filter((r) => !['GET', 'HEAD'].includes(r.method) && (r.access?.kind === 'staff' || publicOnes.includes(r.url)));
}

const auditCount = async () =>
  Number(
    (
      await s.database.db
        .selectFrom('audit_events')
        .select((x) => x.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('audit of state-changing routes', () => {
  it('every state-changing route is listed with a call', () => {
    const keys = stateChanging().map((r) => `${r.method} ${r.url}`);
    expect(
      keys.filter((k) => !(k in CALLS)),
      'add these to CALLS in audit-writes.unit.test.ts',
    ).toEqual([]);
    expect(
      Object.keys(CALLS).filter((k) => !keys.includes(k)),
      'no longer routes',
    ).toEqual([]);
  });

  it('each call, by someone allowed, succeeds and writes at least one audit event', async () => {
    const roles = new Map(stateChanging().map((r) => [`${r.method} ${r.url}`, r.access as Access | undefined]));
    const silent: string[] = [];
    for (const [key, make] of Object.entries(CALLS)) {
      const access = roles.get(key);
      const call = await make();
      const role: Role[] = access?.kind === 'staff' ? (access.roles === 'any' ? ['analyst'] : [access.roles[0] as Role]) : [];
      const cookie = call.cookie ?? (access?.kind === 'staff' ? (await staffCookie(s, role)).cookie : undefined);
      const before = await auditCount();
      const res = await s.app.inject({
        method: key.split(' ')[0] as 'POST',
        url: call.url,
        headers: {
          origin: ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { payload: JSON.stringify(call.body) }),
      });
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      if ((await auditCount()) === before) silent.push(key);
    }
    expect(silent, 'routes that changed state without an audit event').toEqual([]);
  });

  it('a failed sign-in is audited too, without the password', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'ann@example.org', password: 'wrong password, surely' }),
    });
    expect(res.statusCode).toBe(401);
    const failed = await s.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'staff.sign_in_failed').execute();
    expect(failed.map((f) => f.actor)).toEqual(['staff:ann@example.org']);
    expect(JSON.stringify(failed)).not.toContain('wrong password');
  });
});
