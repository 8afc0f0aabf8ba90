/** Reading the audit log (admins): filter by who, action, subject and dates; a page at a time, newest first. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditFilter {
  /** actor, exactly as logged (e.g. staff:ann@example.org) */
  who?: string;
  /** an action, or a family of them ending in "." (e.g. "claim.") */
  action?: string;
  subject?: string;
  /** inclusive, YYYY-MM-DD or an ISO instant */
  from?: string;
  /** inclusive: a date covers the whole day */
  to?: string;
}

/** Escapes LIKE wildcards so a filter matches what was typed, nothing more. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to);

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_events');
  if (f.who) q = q.where('actor', '=', f.who);
  // SQLite has no default LIKE escape character (PostgreSQL's is the backslash): name it, or "payment_run." matches nothing
  if (f.action)
    q = f.action.endsWith('.')
      ? q.where(sql<boolean>`action like ${`${literal(f.action)}%`} escape '\\'`)
      : q.where('action', '=', f.action);
  if (f.subject) q = q.where('subject', '=', f.subject);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', endOf(f.to));
  return q;
}

export async function readAudit(db: Kysely<DB>, f: AuditFilter, offset: number, limit: number) {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return {
    events: rows.slice(0, limit).map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      reason: e.reason,
      detail: e.detail_json === null ? null : (JSON.parse(e.detail_json) as unknown),
    })),
    nextOffset: rows.length > limit ? offset + limit : null,
  };
}
