import * as v from 'valibot';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { engagementsForDevice, enrolDevice } from '../services/devices';
import { parseBody } from '../validate';

const EnrolSchema = v.strictObject({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the enrolment code'), v.maxLength(20, 'That code is too long')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give this device a name'), v.maxLength(80, 'Use at most 80 characters for the name')),
});

export default async function devices({ app, database }: AppContext) {
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
        detail: { name: body.name },
      });
      return enrolled;
    },
  );

  app.get(
    '/api/device/engagements',
    {
      preHandler: requireDevice(database.db),
      schema: { summary: 'The published engagements assigned to this device (all, unless an organiser chose)', security: [{ device: [] }] },
    },
    async (req) => ({ engagements: await engagementsForDevice(database.db, req.deviceId as string) }),
  );
}
