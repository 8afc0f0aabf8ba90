import * as v from 'valibot';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { enrolDevice } from '../services/devices';
import { listPublished } from '../services/engagements';
import { parseBody } from '../validate';

const EnrolSchema = v.strictObject({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the enrolment code'), v.maxLength(20, 'That code is too long')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give this device a name'), v.maxLength(80, 'Use at most 80 characters for the name')),
});

export default async function devices({ app, database }: AppContext) {
  app.post('/api/devices/enrol', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, bodyLimit: 4096 }, async (req) => {
    const body = parseBody(EnrolSchema, req.body);
    return enrolDevice(database.db, body);
  });

  app.get('/api/device/engagements', { preHandler: requireDevice(database.db) }, async () => {
    return { engagements: await listPublished(database.db) };
  });
}
