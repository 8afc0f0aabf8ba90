import { SYNC_LIMITS, type SyncBatchResponse, SyncBatchSchema } from '../../shared/protocol';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { bodyDoc } from '../openapi';
import { ingestBatch, reportableId } from '../services/ingest';
import { parseBody } from '../validate';

export default async function sync({ app, database, versionKeys }: AppContext) {
  app.post(
    '/api/sync/batches',
    {
      preHandler: requireDevice(database.db),
      bodyLimit: SYNC_LIMITS.maxBatchBytes,
      schema: {
        summary: 'Send a batch of sealed bundles; answers per item after the transaction committed',
        security: [{ device: [] }],
        body: bodyDoc(SyncBatchSchema),
      },
    },
    async (req): Promise<SyncBatchResponse> => {
      const batch = parseBody(SyncBatchSchema, req.body);
      const ids = batch.items.map((item) => reportableId(item));
      if (ids.some((id) => id === null)) throw badRequest('Every item in a batch needs an id.', 'malformed_batch');
      if (new Set(ids).size !== ids.length) throw badRequest('A batch must not hold the same id twice.', 'malformed_batch');
      const results = await ingestBatch(database.db, versionKeys, req.deviceId as string, batch.items, batch.queueSize);
      return { results, serverTime: new Date().toISOString() };
    },
  );
}
