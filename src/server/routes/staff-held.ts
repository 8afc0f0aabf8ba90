/** Bundles the opener could not open, for admins and organisers to read, repair and accept. See services/repair.ts. */
import * as v from 'valibot';
import { actorOf, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { listFailed, readFailed, repairFailed } from '../services/repair';
import { parseBody } from '../validate';

const RepairSchema = v.strictObject({
  /** the whole bundle payload as it should have been; checked with the shared schema the opener uses */
  payload: v.unknown(),
  note: v.pipe(v.string('Say what you changed and why'), v.trim(), v.minLength(1, 'Say what you changed and why'), v.maxLength(1000)),
});
const Params = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not a bundle id')) });

export default async function staffHeld(ctx: AppContext) {
  const { app, database, versionKeys } = ctx;
  const who = ['admin', 'organiser'] as const;
  app.get(
    '/api/staff/held',
    staffOnly(ctx, who, { schema: { summary: 'Bundles the server received but could not open, with the reason' } }),
    async (_req, reply) => reply.header('Cache-Control', 'no-store').send({ bundles: await listFailed(database.db) }),
  );
  app.get(
    '/api/staff/held/:id',
    staffOnly(ctx, who, { schema: { summary: 'One bundle that could not be opened, decrypted for repair (audited)' } }),
    async (req, reply) => {
      const { id } = parseBody(Params, req.params);
      return reply.header('Cache-Control', 'no-store').send(await readFailed(database.db, versionKeys, id, actorOf(req)));
    },
  );
  app.post(
    '/api/staff/held/:id/repair',
    staffOnly(ctx, who, {
      bodyLimit: 1024 * 1024,
      schema: { summary: 'Accept a repaired bundle through the opener (audited)', body: bodyDoc(RepairSchema) },
    }),
    async (req, reply) => {
      const { id } = parseBody(Params, req.params);
      const { payload, note } = parseBody(RepairSchema, req.body);
      return reply.send(await repairFailed(database.db, versionKeys, id, payload, actorOf(req), note));
    },
  );
}
