import { SessionReportsSchema, SYNC_LIMITS, type SyncBatchResponse, SyncBatchSchema } from '../../shared/protocol';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { badRequest, HttpError } from '../errors';
import { parseFaults } from '../faults';
import { bodyDoc } from '../openapi';
import { ingestBatch, reportableId } from '../services/ingest';
import { storeSessionReports } from '../services/sessions';
import { parseBody } from '../validate';

export default async function sync({ app, database, versionKeys, opener, config }: AppContext) {
  const faults = parseFaults(process.env.BLETHER_FAULTS);
  if (faults) app.log.warn({ faults }, 'BLETHER_FAULTS is set: test-only fault injection is ON');
  let batches = 0;

  app.post(
    '/api/sync/batches',
    {
      preHandler: requireDevice(database.db, config.orgName),
      config: { access: { kind: 'device' as const } },
      bodyLimit: SYNC_LIMITS.maxBatchBytes,
      schema: {
        summary: 'Send a batch of sealed bundles; answers per item after the transaction committed',
        security: [{ device: [] }],
        body: bodyDoc(SyncBatchSchema),
      },
    },
    async (req, reply): Promise<SyncBatchResponse> => {
      batches++;
      if (faults && batches <= faults.fail500) throw new Error('BLETHER_FAULTS: fail-500');
      const batch = parseBody(SyncBatchSchema, req.body);
      if (faults?.maxItems && batch.items.length > faults.maxItems) {
        throw new HttpError(413, 'too_large', 'The request is too large. Send fewer items at a time.');
      }
      if (faults?.slowBatchMs) await new Promise((r) => setTimeout(r, faults.slowBatchMs));
      const ids = batch.items.map((item) => reportableId(item));
      if (ids.some((id) => id === null)) throw badRequest('Every item in a batch needs an id.', 'malformed_batch');
      if (new Set(ids).size !== ids.length) throw badRequest('A batch must not hold the same id twice.', 'malformed_batch');
      const results = await ingestBatch(database.db, versionKeys, req.deviceId as string, batch.items, { queueSize: batch.queueSize });
      if (faults?.killAfterCommit === batches) process.kill(process.pid, 'SIGKILL');
      opener.kick();
      // time from the request's arrival to after the commit, for the benchmark and for operators
      reply.header('Server-Timing', `ingest;dur=${reply.elapsedTime.toFixed(1)}`);
      return { results, serverTime: new Date().toISOString() };
    },
  );

  app.post(
    '/api/sync/sessions',
    {
      preHandler: requireDevice(database.db, config.orgName),
      config: { access: { kind: 'device' as const } },
      bodyLimit: 1024 * 1024,
      schema: {
        summary: 'Report closed sessions (venue, area, attendance, notes, cash float); answered after commit',
        security: [{ device: [] }],
        body: bodyDoc(SessionReportsSchema),
      },
    },
    async (req) => {
      const { sessions } = parseBody(SessionReportsSchema, req.body);
      await storeSessionReports(database.db, req.deviceId as string, sessions);
      return { stored: sessions.map((x) => x.id) };
    },
  );
}
