/** The audit log (DESIGN.md AuditEvent): every export and every read of personal data by staff. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export async function audit(
  db: Kysely<DB> | Transaction<DB>,
  e: { actor: string; action: string; subject: string; reason?: string | null; at?: string; detail?: unknown },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: crypto.randomUUID(),
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      reason: e.reason ?? null,
      at: e.at ?? new Date().toISOString(),
      detail_json: e.detail === undefined ? null : JSON.stringify(e.detail),
    })
    .execute();
}
