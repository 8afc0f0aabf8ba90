import sjson from 'secure-json-parse';
import { BATCH_FRAME_TYPE, unframeBatch } from '../../shared/batch-frame';
import { SessionReportsSchema, SYNC_LIMITS, type SyncBatch, type SyncBatchResponse, SyncBatchSchema } from '../../shared/protocol';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { badRequest, HttpError } from '../errors';
import { parseFaults } from '../faults';
import { bodyDoc } from '../openapi';
import { ingestBatch, reportableId } from '../services/ingest';
import { storeSessionReports } from '../services/sessions';
import { parseBody } from '../validate';

const NOT_A_FRAME = 'This batch is not framed as its Content-Type says: send it again as the app does.';

/**
 * A batch as JSON, or framed with its attachments after it (shared/batch-frame.ts): the batch, and each
 * attachment's bytes. Anything that does not add up is refused whole, before anything is stored.
 */
function readBatch(body: unknown): { batch: SyncBatch; inline: { sha256: string; bytes: Buffer }[] } {
  if (!Buffer.isBuffer(body)) {
    const batch = parseBody(SyncBatchSchema, body);
    if (batch.inline) throw badRequest(`Attachments inside a batch need the body framed as ${BATCH_FRAME_TYPE}.`, 'malformed_batch');
    return { batch, inline: [] };
  }
  let frame: ReturnType<typeof unframeBatch>;
  let json: unknown;
  try {
    frame = unframeBatch(body);
    json = frame && sjson.parse(frame.json, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw badRequest(NOT_A_FRAME, 'malformed_batch');
  }
  if (!frame) throw badRequest(NOT_A_FRAME, 'malformed_batch');
  const batch = parseBody(SyncBatchSchema, json);
  const list = batch.inline ?? [];
  if (list.reduce((sum, a) => sum + a.size, 0) !== frame.rest.length) throw badRequest(NOT_A_FRAME, 'malformed_batch');
  let at = 0;
  const inline = list.map(({ sha256, size }) => {
    const bytes = Buffer.from(frame.rest.buffer, frame.rest.byteOffset + at, size);
    at += size;
    return { sha256, bytes };
  });
  return { batch, inline };
}

export default async function sync({ app, database, versionKeys, opener, config }: AppContext) {
  app.addContentTypeParser(BATCH_FRAME_TYPE, { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxBatchBytes }, (_req, body, done) =>
    done(null, body),
  );
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
        summary: `Send a batch of sealed bundles (JSON, or ${BATCH_FRAME_TYPE} with attachments of up to one chunk inside); answers per item after the transaction committed`,
        security: [{ device: [] }],
        body: bodyDoc(SyncBatchSchema),
      },
    },
    async (req, reply): Promise<SyncBatchResponse> => {
      batches++;
      if (faults && batches <= faults.fail500) throw new Error('BLETHER_FAULTS: fail-500');
      const { batch, inline } = readBatch(req.body);
      if (faults?.maxItems && batch.items.length > faults.maxItems) {
        throw new HttpError(413, 'too_large', 'The request is too large. Send fewer items at a time.');
      }
      if (faults?.slowBatchMs) await new Promise((r) => setTimeout(r, faults.slowBatchMs));
      const ids = batch.items.map((item) => reportableId(item));
      if (ids.some((id) => id === null)) throw badRequest('Every item in a batch needs an id.', 'malformed_batch');
      if (new Set(ids).size !== ids.length) throw badRequest('A batch must not hold the same id twice.', 'malformed_batch');
      // its attachments are stored with it, checked against their hashes (a wrong one: its bundles answer `retry`)
      const results = await ingestBatch(database.db, versionKeys, req.deviceId as string, batch.items, {
        queueSize: batch.queueSize,
        inline,
      });
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
