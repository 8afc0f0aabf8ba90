import { EnrolSchema } from '../../shared/devices';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { engagementsForDevice, enrolDevice } from '../services/devices';
import { parseBody } from '../validate';

export default async function devices({ app, database, config }: AppContext) {
  app.post(
    '/api/devices/enrol',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      bodyLimit: 4096,
      schema: { summary: 'Exchange a one-time enrolment code for a device token', body: bodyDoc(EnrolSchema) },
    },
    async (req) => {
      const body = parseBody(EnrolSchema, req.body);
      const enrolled = await enrolDevice(database.db, body);
      const actor = `device:${enrolled.deviceId}`;
      await audit(database.db, {
        actor,
        action: 'device.enrolled',
        subject: actor,
        at: new Date().toISOString(),
        detail: { name: body.name, ...(enrolled.replaces ? { replaces: enrolled.replaces } : {}) },
      });
      return { deviceId: enrolled.deviceId, token: enrolled.token };
    },
  );

  app.get(
    '/api/device/engagements',
    {
      preHandler: requireDevice(database.db, config.orgName),
      schema: { summary: 'The published engagements assigned to this device (all, unless an organiser chose)', security: [{ device: [] }] },
    },
    async (req) => ({ engagements: await engagementsForDevice(database.db, req.deviceId as string) }),
  );
}
