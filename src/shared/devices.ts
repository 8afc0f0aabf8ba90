/** What a device and the server say to each other about the device itself: enrolment and revocation. */
import * as v from 'valibot';

export const EnrolSchema = v.strictObject({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the enrolment code'), v.maxLength(20, 'That code is too long')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give this device a name'), v.maxLength(80, 'Use at most 80 characters for the name')),
  /** the token this device held before (revoked or lost): proves it is the same device, so it keeps its engagements */
  previousToken: v.optional(v.pipe(v.string(), v.maxLength(128))),
});
export type Enrol = v.InferOutput<typeof EnrolSchema>;

/** The 401 a revoked device gets on every request: enough for it to say plainly what happened. */
export const DeviceRevokedSchema = v.object({
  error: v.literal('device_revoked'),
  message: v.string(),
  revokedAt: v.pipe(v.string(), v.isoTimestamp()),
  organisation: v.pipe(v.string(), v.maxLength(200)),
});
export type DeviceRevoked = v.InferOutput<typeof DeviceRevokedSchema>;
