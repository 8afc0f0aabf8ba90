/**
 * The people and data the fuzz suite calls with, made through the API the way people make them: the first
 * admin from the setup link, the others added by the admin and signed in with their passwords, a device
 * enrolled with an organiser's code, then answers, claims, a session report, a theme and a payment run.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../../src/server/auth/roles';
import { SESSION_COOKIE } from '../../src/server/auth/sessions';
import type { Claim } from '../../src/shared/claims';
import { openAcknowledged, type TestServer, uploadAttachment } from './app';
import { sealedWithAttachments } from './bundles';
import { ORIGIN } from './staff';

export interface Actor {
  name: string;
  kind: 'staff' | 'device' | 'anonymous';
  roles: Role[];
  headers: Record<string, string>;
  email?: string;
}

export interface FuzzWorld {
  actors: Actor[];
  /** real ids by what they name, for route params and bodies */
  ids: Record<
    'engagement' | 'claim' | 'bundle' | 'session' | 'theme' | 'run' | 'user' | 'device' | 'sha256' | 'question' | 'slug',
    string[]
  >;
  /** other real values a body might carry (references, emails, codes) */
  strings: string[];
  /** signs a staff actor in again (after the fuzz signed it out), through the login route */
  signIn(actor: Actor): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';
// a receipt and a clip as their formats start; the rest does not matter to the server, and small keeps checksums fast
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...crypto.getRandomValues(new Uint8Array(300))]);
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...crypto.getRandomValues(new Uint8Array(300))]);

export async function buildFuzzWorld(s: TestServer): Promise<FuzzWorld> {
  let logins = 0;
  const call = async (method: string, url: string, headers: Record<string, string>, body?: unknown, ip = '127.0.0.1') => {
    const res = await s.app.inject({
      method: method as 'POST',
      url,
      remoteAddress: ip,
      headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const cookieOf = (res: Awaited<ReturnType<typeof call>>) =>
    `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;

  const admin: Actor = { name: 'admin', kind: 'staff', roles: ['admin'], headers: {}, email: 'ada@example.org' };
  if (!s.setupToken) throw new Error('the server printed no setup link');
  const setup = await call('POST', '/api/staff/setup', {}, { token: s.setupToken, email: admin.email, name: 'Ada', password: PASSWORD });
  admin.headers = { cookie: cookieOf(setup) };
  const adminId = setup.json().user.id as string;

  const addUser = async (role: Role, email: string) =>
    (await call('POST', '/api/staff/users', admin.headers, { email, name: role, password: PASSWORD, roles: [role] })).json().user
      .id as string;
  const signIn = async (a: Actor) => {
    // a fresh loopback address each time, so the sign-in limit per address is not what the fuzz tests here
    const res = await call('POST', '/api/staff/login', {}, { email: a.email, password: PASSWORD }, `127.0.1.${++logins % 250}`);
    a.headers = { cookie: cookieOf(res) };
  };
  const staff: Actor[] = [admin];
  for (const role of ['organiser', 'finance', 'analyst'] as const) {
    const a: Actor = { name: role, kind: 'staff', roles: [role], headers: {}, email: `${role}@example.org` };
    await addUser(role, a.email as string);
    await signIn(a);
    staff.push(a);
  }
  const victimUser = await addUser('analyst', 'victim@example.org');
  const [, organiser, finance, analyst] = staff as [Actor, Actor, Actor, Actor];

  const { code } = (await call('POST', '/api/staff/devices/codes', organiser.headers)).json();
  const enrolled = (await call('POST', '/api/devices/enrol', {}, { code, name: 'Fuzz tablet' })).json();
  const device: Actor = { name: 'device', kind: 'device', roles: [], headers: { authorization: `Bearer ${enrolled.token}` } };
  // the tablet the test app enrolled is lost: revoked, so its token is a real but refused one
  await call('POST', `/api/staff/devices/${s.deviceId}/revoke`, organiser.headers);

  const draft = (await call('POST', '/api/staff/engagements', organiser.headers, { slug: 'fuzz-draft', title: 'Draft' })).json();
  const sessionId = crypto.randomUUID();
  const now = new Date().toISOString();
  const claim = (method: 'bank' | 'cash'): Claim => ({
    lines: [
      { category: 'public_transport', amountPence: 420, receipt: 1, receiptSha256: createHash('sha256').update(JPEG).digest('hex') },
      { category: 'public_transport', amountPence: 250, noReceiptReason: 'The ticket blew away' },
    ],
    payment:
      method === 'bank'
        ? { method: 'bank', accountName: 'Ann Example', sortCode: '123456', accountNumber: '12345678' }
        : { method: 'cash', handedOverPence: 670, facilitatorRecorded: true, participantConfirmed: true },
    declaration: { kind: 'typed', name: 'Ann Example' },
    at: now,
  });
  const bundles = [];
  for (const method of ['bank', 'bank', 'cash'] as const) {
    const made = await sealedWithAttachments(
      s.engagement,
      [
        { kind: 'voice', type: 'audio/webm;codecs=opus', bytes: WEBM },
        { kind: 'receipt', type: 'image/jpeg', bytes: JPEG },
      ],
      () => ({ sessionId, answers: { voice: { voice: 0 } }, claim: claim(method) }),
    );
    for (const bytes of made.sealed) await uploadAttachment(s, bytes, enrolled.token);
    bundles.push(made);
  }
  await call('POST', '/api/sync/batches', device.headers, { items: bundles.map((b) => b.item) });
  await call('POST', '/api/sync/sessions', device.headers, {
    sessions: [
      {
        ...{
          id: sessionId,
          engagementSlug: s.engagement.slug,
          venue: 'Library',
          area: 'G1',
          date: now.slice(0, 10),
          timeZone: 'Europe/London',
        },
        ...{ openedAt: now, closedAt: now, attendance: 12, notes: '', floatIssued: 5000, floatPaidOut: 670, floatReturned: 4330 },
      },
    ],
  });
  await openAcknowledged(s);
  const [paid, , cash] = bundles.map((b) => b.item.id) as [string, string, string];
  await call('POST', `/api/finance/claims/${paid}/decisions`, finance.headers, {
    decisions: [0, 1].map((idx) => ({ idx, decision: 'approve' })),
  });
  const run = (await call('POST', '/api/finance/payment-runs', finance.headers)).json();
  const engagementId = s.engagement.engagementId;
  const theme = (await call('POST', `/api/staff/insight/${engagementId}/themes`, analyst.headers, { name: 'Seats' })).json();

  return {
    actors: [...staff, device, { name: 'anonymous', kind: 'anonymous', roles: [], headers: {} }],
    ids: {
      engagement: [engagementId, draft.id],
      claim: bundles.map((b) => b.item.id),
      bundle: bundles.map((b) => b.item.id),
      session: [sessionId],
      theme: [theme.id],
      run: [run.id],
      // only accounts and devices the fuzz may break: not the ones it calls with (the admin may not break itself)
      user: [victimUser, adminId],
      device: [s.deviceId],
      sha256: bundles.flatMap((b) => b.item.attachments ?? []),
      question: s.engagement.content.questions.map((q) => q.id),
      slug: [s.engagement.slug, 'fuzz-draft'],
    },
    strings: [
      ...bundles.map((b) => b.payload.referenceCode),
      ...staff.map((a) => a.email as string),
      'victim@example.org',
      code,
      cash,
      PASSWORD,
    ],
    signIn,
  };
}
