/** A real server app on a real SQLite database in a temp folder, for Fastify inject tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db/index';
import { loadServerKey, type ServerKey } from '../../src/server/keys';
import { seedIfEmpty } from '../../src/server/seed';
import { getForStaff, publish, saveDraft } from '../../src/server/services/builder';
import { enrolDevice } from '../../src/server/services/devices';
import { listPublished } from '../../src/server/services/engagements';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { DEFAULT_RATE_CARD, type RateCard } from '../../src/shared/ratecard';
import { createDatabase } from './pg';

export interface TestServer {
  app: FastifyInstance;
  /** what the app was built with: a second instance on the same database opens this config */
  config: Config;
  database: Database;
  serverKey: ServerKey;
  dataDir: string;
  engagement: PublishedEngagement;
  token: string;
  deviceId: string;
  /** the one-time link for the first admin that the server printed (null once someone has an account) */
  setupToken: string | null;
  close(): Promise<void>;
}

/** The run's PostgreSQL cluster in vitest's postgres project; none elsewhere (SQLite, or outside vitest). */
export function pgUrl(): string | undefined {
  try {
    return inject('pgUrl');
  } catch {
    return undefined;
  }
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-test-'));
  // in vitest's postgres project every app gets its own database in the run's cluster
  const cluster = pgUrl();
  const databaseUrl = cluster ? await createDatabase(cluster) : '';
  const config = loadConfig({ DATA_DIR: dataDir, DIST_DIR: path.join(dataDir, 'no-dist'), DATABASE_URL: databaseUrl, ...env });
  const database = await openDatabase(config);
  const serverKey = loadServerKey(dataDir, undefined);
  const app = await buildApp({ config, database, serverKey });
  const seeded = await seedIfEmpty(database.db, serverKey);
  const { deviceId, token } = await enrolDevice(database.db, { code: seeded.enrolmentCode as string, name: 'Test tablet' });
  const [engagement] = await listPublished(database.db);
  return {
    app,
    config,
    database,
    serverKey,
    dataDir,
    engagement: engagement as PublishedEngagement,
    token,
    deviceId,
    setupToken: seeded.setupToken,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Uploads bytes as a device's sealed attachment (one chunk); returns its sha256 for the bundle to name. */
export async function uploadAttachment(s: TestServer, bytes: Uint8Array, token = s.token): Promise<string> {
  const { createHash } = await import('node:crypto');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const res = await s.app.inject({
    method: 'PUT',
    url: `/api/sync/attachments/${sha}?offset=0&size=${bytes.length}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(bytes),
  });
  if (res.statusCode !== 200) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return sha;
}

/** Opens every acknowledged bundle now (the server does it in the background after each batch). */
export async function openAcknowledged(s: TestServer): Promise<void> {
  const { openAll } = await import('../../src/server/services/opener');
  const { VersionKeys } = await import('../../src/server/services/engagements');
  await openAll(s.database.db, new VersionKeys(s.database.db, s.serverKey));
}

/**
 * Publishes a new version of the test engagement with a rate card, as an organiser does in the builder,
 * and makes it the engagement the test's bundles are sealed for. Without one an engagement offers no claim.
 */
/** Publishes a new version of the test engagement with this rate card (`null`: none, so it offers no claim). */
export async function publishRateCard(s: TestServer, card: RateCard | null = DEFAULT_RATE_CARD): Promise<PublishedEngagement> {
  const id = s.engagement.engagementId;
  const e = await getForStaff(s.database.db, id);
  const { rateCard: _old, ...content } = e.content as typeof e.content & { rateCard?: unknown };
  await saveDraft(s.database.db, id, card ? { ...content, rateCard: card } : content, 'organiser@test');
  await publish(s.database.db, s.serverKey, id);
  const published = (await listPublished(s.database.db)).find((x) => x.engagementId === id);
  if (!published) throw new Error('the engagement did not publish');
  s.engagement = published;
  return published;
}
