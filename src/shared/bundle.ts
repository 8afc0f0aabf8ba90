/** The plaintext of a participant's bundle, sealed on the device and opened on the server. */
import * as v from 'valibot';
import { ClaimSchema } from './claims';
import { EMAIL_PATTERN, LIMITS, PHONE_PATTERN } from './limits';
import { MONITORING_OPTIONS } from './monitoring';

export const ANSWER_LIMITS = { text: LIMITS.text, choices: 50 } as const;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const AnswerSchema = v.union([
  v.strictObject({ skipped: v.literal(true) }),
  v.strictObject({ choice: Id }),
  v.strictObject({ choices: v.pipe(v.array(Id), v.maxLength(ANSWER_LIMITS.choices)) }),
  v.strictObject({ text: v.pipe(v.string(), v.maxLength(ANSWER_LIMITS.text)) }),
  v.strictObject({ face: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)) }),
  v.strictObject({ yesno: v.picklist(['yes', 'no', 'not_sure']) }),
  v.strictObject({
    tokens: v.pipe(
      v.record(Id, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
      v.check((r) => Object.keys(r).length <= ANSWER_LIMITS.choices, 'too many options'),
    ),
  }),
  v.strictObject({ voice: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) }),
]);
export type Answer = v.InferOutput<typeof AnswerSchema>;

export const AttachmentRefSchema = v.strictObject({
  /** sha256 (hex) of the sealed bytes as they travel */
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  type: v.pipe(v.string(), v.maxLength(100)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.picklist(['voice', 'receipt', 'picture']),
});
export type AttachmentRef = v.InferOutput<typeof AttachmentRefSchema>;

const IsoInstant = v.pipe(v.string(), v.isoTimestamp());

/** An email address as people have them (see EMAIL_PATTERN): the device and the opener use this one rule. */
export const EmailSchema = v.pipe(v.string(), v.maxLength(LIMITS.email), v.regex(EMAIL_PATTERN));

/** Optional contact for feedback: only what the participant chose to give, at least one way to reach them. */
export const ContactSchema = v.pipe(
  v.strictObject({
    name: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.name))),
    email: v.optional(EmailSchema),
    phone: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.phone), v.regex(PHONE_PATTERN))),
  }),
  v.check((c) => !!(c.email || c.phone), 'contact needs an email or a phone number'),
);
export type Contact = v.InferOutput<typeof ContactSchema>;

/** Equality monitoring: every field optional, and every one has "prefer not to say". */
export const MonitoringSchema = v.strictObject({
  ageBand: v.optional(v.picklist(MONITORING_OPTIONS.ageBand)),
  gender: v.optional(v.picklist(MONITORING_OPTIONS.gender)),
  disability: v.optional(v.picklist(MONITORING_OPTIONS.disability)),
  ethnicity: v.optional(v.picklist(MONITORING_OPTIONS.ethnicity)),
  /** the area the participant named (e.g. the first half of a postcode), or "prefer_not" */
  area: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.area))),
});
export type Monitoring = v.InferOutput<typeof MonitoringSchema>;

export const BundlePayloadSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  engagementVersionId: v.pipe(v.string(), v.maxLength(64)),
  sessionId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
  /** always an ISO instant in UTC (ends in Z); the device's own zone goes in timeZone */
  createdAt: IsoInstant,
  timeZone: v.pipe(v.string(), v.maxLength(64)),
  inputMethod: v.picklist(['self', 'helped', 'paper']),
  locale: v.pipe(v.string(), v.maxLength(16)),
  format: v.picklist(['standard', 'easy']),
  consent: v.strictObject({ given: v.literal(true), at: IsoInstant }),
  answers: v.pipe(
    v.record(Id, AnswerSchema),
    v.check((r) => Object.keys(r).length <= 200, 'too many answers'),
  ),
  referenceCode: v.pipe(v.string(), v.regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)),
  attachments: v.pipe(v.array(AttachmentRefSchema), v.maxLength(50)),
  /** where it was given: the facilitator's open session at a venue (for who-took-part and consultation fatigue) */
  place: v.optional(v.strictObject({ venue: v.pipe(v.string(), v.maxLength(200)), area: v.pipe(v.string(), v.maxLength(20)) })),
  contact: v.optional(ContactSchema),
  monitoring: v.optional(MonitoringSchema),
  claim: v.optional(ClaimSchema),
});
export type BundlePayload = v.InferOutput<typeof BundlePayloadSchema>;
