import * as v from 'valibot';
import { actorOf, auditRequest, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { createEnrolmentCode } from '../services/devices';
import { listDevices, revokeDevice, setDeviceEngagements } from '../services/devices-admin';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not a device id')) });
const AssignSchema = v.strictObject({
  scope: v.picklist(['all', 'chosen'], 'Choose all published engagements, or the chosen ones'),
  engagementIds: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an engagement id'))),
    v.maxLength(200, 'Choose at most 200 engagements'),
  ),
});

export default async function staffDevices(ctx: AppContext) {
  const { app, database } = ctx;
  const organiser = ['organiser'] as const;
  // DESIGN.md gives devices to admins as well: they see them and revoke a lost one
  const devicesRoles = ['organiser', 'admin'] as const;
  app.get(
    '/api/staff/devices',
    staffOnly(ctx, devicesRoles, { schema: { summary: 'Enrolled devices: who enrolled them, last sync, queue size' } }),
    async () => ({ devices: await listDevices(database.db) }),
  );
  app.post(
    '/api/staff/devices/codes',
    staffOnly(ctx, organiser, {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { summary: 'A one-time enrolment code, valid 15 minutes' },
    }),
    async (req, reply) => {
      const code = await createEnrolmentCode(database.db, req.staff?.userId ?? null);
      // the code itself never goes in the log: it is a secret until used
      await auditRequest(ctx, req, 'device.enrolment_code', 'devices', { detail: { expiresAt: code.expiresAt } });
      return reply.code(201).send(code);
    },
  );
  app.post(
    '/api/staff/devices/:id/revoke',
    staffOnly(ctx, devicesRoles, { schema: { summary: 'Revoke a device: refused from its next request' } }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      await revokeDevice(database.db, id);
      await auditRequest(ctx, req, 'device.revoked', `device:${id}`);
      return { ok: true };
    },
  );
  app.put(
    '/api/staff/devices/:id/engagements',
    staffOnly(ctx, organiser, {
      bodyLimit: 32 * 1024,
      schema: { summary: 'Choose the engagements a device carries: all published ones, or only those listed', body: bodyDoc(AssignSchema) },
    }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const body = parseBody(AssignSchema, req.body);
      await setDeviceEngagements(database.db, id, body, actorOf(req));
      return { ok: true };
    },
  );
}
