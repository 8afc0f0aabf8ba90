import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DeviceRevoked } from '../shared/devices';
import type { DB } from './db/schema';
import { HttpError } from './errors';
import { hashToken } from './keys';

declare module 'fastify' {
  interface FastifyRequest {
    deviceId?: string;
  }
}

export const DEVICE_MESSAGES = {
  missing: 'This device is not enrolled. Ask an organiser for an enrolment code.',
  unknown: 'The server does not know this device. Enrol it again with a new code; its waiting answers are kept.',
  revoked: 'This device has been switched off by an organiser. Enrol it again with a new code; its waiting answers are kept.',
} as const;

/** preHandler for device endpoints: a Bearer device token, never a staff cookie. `organisation`: ORG_NAME. */
export function requireDevice(db: Kysely<DB>, organisation?: string) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || token.length > 128) throw new HttpError(401, 'device_not_enrolled', DEVICE_MESSAGES.missing);
    const device = await db
      .selectFrom('devices')
      .select(['id', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!device) throw new HttpError(401, 'device_unknown', DEVICE_MESSAGES.unknown);
    if (device.revoked_at) {
      const extra: Omit<DeviceRevoked, 'error' | 'message'> = { revokedAt: device.revoked_at, organisation: organisation ?? req.hostname };
      throw new HttpError(401, 'device_revoked', DEVICE_MESSAGES.revoked, extra);
    }
    req.deviceId = device.id;
  };
}
