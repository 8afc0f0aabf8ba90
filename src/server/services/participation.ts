/**
 * Who took part, stored with the bundle in the same transaction (issue 7): where it was given (the
 * session's venue and area), the optional equality monitoring, and the optional contact for feedback,
 * sealed under the server key. Answers stay in `bundles`; this is kept apart so answers can be read and
 * exported without any of it.
 */
import type { Kysely, Transaction } from 'kysely';
import * as v from 'valibot';
import type { BundlePayload } from '../../shared/bundle';
import type { DB } from '../db/schema';
import type { ServerKey } from '../keys';

export const MONITORING_DIMENSIONS = ['ageBand', 'gender', 'disability', 'ethnicity', 'area'] as const;
export type Dimension = (typeof MONITORING_DIMENSIONS)[number];

const Value = v.pipe(v.string(), v.trim(), v.maxLength(100));
// Tolerant on purpose: the participant journey owns the exact option lists (shared/bundle.ts).
const MonitoringShape = v.object(
  Object.fromEntries(MONITORING_DIMENSIONS.map((d) => [d, v.optional(Value)])) as Record<
    Dimension,
    v.OptionalSchema<typeof Value, undefined>
  >,
);
const ContactShape = v.object({
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  email: v.optional(v.pipe(v.string(), v.maxLength(254))),
  phone: v.optional(v.pipe(v.string(), v.maxLength(40))),
});
export type ContactDetails = v.InferOutput<typeof ContactShape>;

export const CONTACT_CONTEXT = (bundleId: string) => `contact:${bundleId}`;

export function monitoringOf(raw: unknown): Partial<Record<Dimension, string>> | null {
  const r = v.safeParse(MonitoringShape, raw);
  if (!r.success) return null;
  const given = Object.fromEntries(Object.entries(r.output).filter(([, x]) => typeof x === 'string' && x !== ''));
  return Object.keys(given).length ? given : null;
}

export function contactOf(raw: unknown): ContactDetails | null {
  const r = v.safeParse(ContactShape, raw);
  return r.success && (r.output.email || r.output.phone) ? r.output : null;
}

export async function storeParticipation(tx: Kysely<DB> | Transaction<DB>, payload: BundlePayload, serverKey: ServerKey): Promise<void> {
  const version = await tx
    .selectFrom('engagement_versions')
    .select('engagement_id')
    .where('id', '=', payload.engagementVersionId)
    .executeTakeFirst();
  if (!version) return;
  const place = (payload as { place?: { venue?: string; area?: string } }).place;
  const monitoring = monitoringOf(payload.monitoring);
  await tx
    .insertInto('participation')
    .values({
      bundle_id: payload.id,
      engagement_id: version.engagement_id,
      session_id: payload.sessionId ?? null,
      venue: place?.venue?.trim() || null,
      area: place?.area?.trim().toUpperCase() || null,
      created_at: new Date(payload.createdAt).toISOString(),
      monitoring_json: monitoring ? JSON.stringify(monitoring) : null,
    })
    .onConflict((oc) => oc.column('bundle_id').doNothing())
    .execute();
  const contact = contactOf(payload.contact);
  if (contact) {
    await tx
      .insertInto('feedback_contacts')
      .values({
        bundle_id: payload.id,
        engagement_id: version.engagement_id,
        contact_sealed: serverKey.seal(JSON.stringify(contact), CONTACT_CONTEXT(payload.id)),
        locale: payload.locale,
        format: payload.format,
        created_at: new Date(payload.createdAt).toISOString(),
      })
      .onConflict((oc) => oc.column('bundle_id').doNothing())
      .execute();
  }
}
