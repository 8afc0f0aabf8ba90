/** For the insight e2e tests: a device and staff made through the real API of a running server. */
import type { APIRequestContext } from '@playwright/test';
import type { PublishedEngagement } from '../../src/shared/engagement';
import type { SyncItem } from '../../src/shared/protocol';
import type { RunningServer } from './server-process';
import { setupLink } from './staff-ui';

export const ANALYST = { name: 'Ana Analyst', email: 'ana@example.org', password: 'a long analyst passphrase' };

export async function deviceFor(server: RunningServer, request: APIRequestContext) {
  const enrol = await request.post(`${server.url}/api/devices/enrol`, { data: { code: server.enrolCode, name: 'Insight tablet' } });
  const { token } = (await enrol.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const [engagement] = (
    (await (await request.get(`${server.url}/api/device/engagements`, { headers })).json()) as { engagements: PublishedEngagement[] }
  ).engagements;
  const sync = async (items: SyncItem[]) => {
    for (let i = 0; i < items.length; i += 200) {
      const res = await request.post(`${server.url}/api/sync/batches`, { headers, data: { items: items.slice(i, i + 200) } });
      const body = (await res.json()) as { results: { status: string }[] };
      if (!res.ok() || body.results.some((r) => r.status !== 'stored'))
        throw new Error(`sync: ${res.status()} ${JSON.stringify(body).slice(0, 200)}`);
    }
  };
  return { token, engagement: engagement as PublishedEngagement, sync };
}

/** The first admin through the setup link, then an analyst who is also an organiser; `request` ends signed in as them. */
export async function staffFor(server: RunningServer, request: APIRequestContext) {
  const token = /#token=([\w-]+)/.exec(setupLink(server))?.[1];
  const headers = { origin: server.url };
  const admin = await request.post(`${server.url}/api/staff/setup`, {
    headers,
    data: { token, name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' },
  });
  if (!admin.ok()) throw new Error(`setup: ${admin.status()} ${await admin.text()}`);
  const made = await request.post(`${server.url}/api/staff/users`, { headers, data: { ...ANALYST, roles: ['analyst', 'organiser'] } });
  if (!made.ok()) throw new Error(`user: ${made.status()} ${await made.text()}`);
  const login = await request.post(`${server.url}/api/staff/login`, {
    headers,
    data: { email: ANALYST.email, password: ANALYST.password },
  });
  if (!login.ok()) throw new Error(`login: ${login.status()}`);
}
