/** The audit log (DESIGN.md AuditEvent): every claim state change, export, staff read of personal data and purge. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  reason?: string | null;
  at: string;
  detail?: unknown;
}

export async function audit(db: Kysely<DB> | Transaction<DB>, e: AuditEntry) {
  await db
    .insertInto('audit_events')
    .values({
      id: crypto.randomUUID(),
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      reason: e.reason ?? null,
      at: e.at,
      detail_json: e.detail === undefined ? null : JSON.stringify(e.detail),
    })
    .execute();
}
