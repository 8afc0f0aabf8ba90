import * as v from 'valibot';
import { staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { createEnrolmentCode } from '../services/devices';
import { listDevices, revokeDevice } from '../services/devices-admin';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not a device id')) });

export default async function staffDevices(ctx: AppContext) {
  const { app, database } = ctx;
  const organiser = ['organiser'] as const;
  app.get(
    '/api/staff/devices',
    staffOnly(ctx, organiser, { schema: { summary: 'Enrolled devices: who enrolled them, last sync, queue size' } }),
    async () => ({ devices: await listDevices(database.db) }),
  );
  app.post(
    '/api/staff/devices/codes',
    staffOnly(ctx, organiser, {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { summary: 'A one-time enrolment code, valid 15 minutes' },
    }),
    async (req, reply) => reply.code(201).send(await createEnrolmentCode(database.db, req.staff?.userId ?? null)),
  );
  app.post(
    '/api/staff/devices/:id/revoke',
    staffOnly(ctx, organiser, { schema: { summary: 'Revoke a device: refused from its next request' } }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      await revokeDevice(database.db, id);
      return { ok: true };
    },
  );
}
