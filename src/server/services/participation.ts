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

/** Rows per multi-row insert: well inside SQLite's and PostgreSQL's limits on bound values. */
const ROWS = 200;

/** Stores who took part in each of these bundles (one insert per table for all of them, in their order). */
export async function storeParticipation(tx: Kysely<DB> | Transaction<DB>, payloads: BundlePayload[], serverKey: ServerKey): Promise<void> {
  if (payloads.length === 0) return;
  const versionIds = [...new Set(payloads.map((p) => p.engagementVersionId))];
  const versions = await tx.selectFrom('engagement_versions').select(['id', 'engagement_id']).where('id', 'in', versionIds).execute();
  const engagementOf = new Map(versions.map((x) => [x.id, x.engagement_id]));
  const known = payloads.flatMap((payload) => {
    const engagementId = engagementOf.get(payload.engagementVersionId);
    return engagementId ? [{ payload, engagementId }] : [];
  });
  const people = known.map(({ payload, engagementId }) => {
    const place = (payload as { place?: { venue?: string; area?: string } }).place;
    const monitoring = monitoringOf(payload.monitoring);
    return {
      bundle_id: payload.id,
      engagement_id: engagementId,
      session_id: payload.sessionId ?? null,
      venue: place?.venue?.trim() || null,
      area: place?.area?.trim().toUpperCase() || null,
      created_at: new Date(payload.createdAt).toISOString(),
      monitoring_json: monitoring ? JSON.stringify(monitoring) : null,
    };
  });
  const contacts = known.flatMap(({ payload, engagementId }) => {
    const contact = contactOf(payload.contact);
    if (!contact) return [];
    return [
      {
        bundle_id: payload.id,
        engagement_id: engagementId,
        contact_sealed: serverKey.seal(JSON.stringify(contact), CONTACT_CONTEXT(payload.id)),
        locale: payload.locale,
        format: payload.format,
        created_at: new Date(payload.createdAt).toISOString(),
      },
    ];
  });
  for (let i = 0; i < people.length; i += ROWS) {
    await tx
      .insertInto('participation')
      .values(people.slice(i, i + ROWS))
      .onConflict((oc) => oc.column('bundle_id').doNothing())
      .execute();
  }
  for (let i = 0; i < contacts.length; i += ROWS) {
    await tx
      .insertInto('feedback_contacts')
      .values(contacts.slice(i, i + ROWS))
      .onConflict((oc) => oc.column('bundle_id').doNothing())
      .execute();
  }
}
