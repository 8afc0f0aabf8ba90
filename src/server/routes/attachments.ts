import * as v from 'valibot';
import { Sha256Hex, SYNC_LIMITS } from '../../shared/protocol';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { attachmentState, putChunk } from '../services/attachments';
import { parseBody } from '../validate';

const Params = v.strictObject({ sha256: Sha256Hex });
const Query = v.strictObject({
  offset: v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number)),
  size: v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number), v.minValue(1), v.maxValue(SYNC_LIMITS.maxAttachmentBytes)),
});

/**
 * Attachment uploads: GET (and HEAD) says how much the server holds of this device's upload (to resume), PUT
 * appends one chunk. Another device's upload of the same hash is invisible here: each device has its own.
 */
export default async function attachments({ app, database, config }: AppContext) {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.chunkBytes + 1024 },
    (_req, body, done) => done(null, body),
  );
  const pre = { preHandler: requireDevice(database.db, config.orgName), config: { access: { kind: 'device' as const } } };
  const doc = (summary: string) => ({ schema: { summary, security: [{ device: [] }] } });

  app.get(
    '/api/sync/attachments/:sha256',
    { ...pre, ...doc('How many bytes of a sealed attachment the server holds, and whether it is whole') },
    async (req) => {
      const { sha256 } = parseBody(Params, req.params);
      return attachmentState(database.db, { sha256, deviceId: req.deviceId as string });
    },
  );

  const put = { ...pre, ...doc('Append one chunk (application/octet-stream) at ?offset= of an attachment of ?size= bytes') };
  app.put('/api/sync/attachments/:sha256', { ...put, bodyLimit: SYNC_LIMITS.chunkBytes + 1024 }, async (req, reply) => {
    const { sha256 } = parseBody(Params, req.params);
    const { offset, size } = parseBody(Query, req.query);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      throw badRequest('Send the chunk as application/octet-stream.', 'invalid_body');
    const state = await putChunk(database.db, req.deviceId as string, { sha256, offset, size, chunk: req.body });
    reply.header('Server-Timing', `chunk;dur=${reply.elapsedTime.toFixed(1)}`);
    return state;
  });
}
