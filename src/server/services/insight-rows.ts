/** The rows behind every insight view, narrowed by the analyst's filter, and the names of sessions. */
import type { Kysely } from 'kysely';
import type { InsightFilter } from '../../shared/insight';
import type { DB } from '../db/schema';
import { localDate, type ResultRow } from '../insight/results';

/** A bundle row with where it was given and the participant's monitoring (never exported per person). */
export interface InsightRow extends ResultRow {
  area: string | null;
  venue: string | null;
  monitoring_json: string | null;
  participant: string | null;
}

/** The engagement's bundles narrowed by the filter: equality in SQL, local dates in the filter's time zone. */
export async function resultRows(db: Kysely<DB>, engagementId: string, filter: InsightFilter = {}, orgTimeZone = 'Europe/London') {
  let q = db
    .selectFrom('bundles as b')
    .innerJoin('engagement_versions as v', 'v.id', 'b.engagement_version_id')
    .leftJoin('participation as p', 'p.bundle_id', 'b.id')
    .select(['b.id', 'b.created_at', 'b.session_id', 'b.locale', 'b.format', 'b.input_method', 'b.answers_json'])
    .select(['p.area', 'p.venue', 'p.monitoring_json', 'p.bundle_id as participant'])
    .where('v.engagement_id', '=', engagementId);
  if (filter.session) q = q.where('b.session_id', '=', filter.session);
  if (filter.area) q = q.where('p.area', '=', filter.area.toUpperCase());
  if (filter.locale) q = q.where('b.locale', '=', filter.locale);
  if (filter.textFormat) q = q.where('b.format', '=', filter.textFormat);
  if (filter.inputMethod) q = q.where('b.input_method', '=', filter.inputMethod);
  const rows: InsightRow[] = await q.orderBy('b.created_at').orderBy('b.id').execute();
  if (!filter.from && !filter.to) return rows;
  const tz = filter.timeZone ?? orgTimeZone;
  return rows.filter((r) => {
    const day = localDate(r.created_at, tz);
    return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
  });
}

export const isFiltered = (f: InsightFilter) => Object.values(f).some((x) => x !== undefined && x !== '');

/** Each session named by its venue and date ("Eastfield Library, 2026-11-21"), told apart when two share one. */
export async function sessionNames(db: Kysely<DB>, id: string): Promise<Record<string, string>> {
  const [sessions, places] = await Promise.all([
    db.selectFrom('sessions').select(['id', 'venue', 'date']).where('engagement_id', '=', id).orderBy('opened_at').execute(),
    db.selectFrom('participation').select(['session_id', 'venue']).distinct().where('engagement_id', '=', id).execute(),
  ]);
  const named = new Map<string, string>();
  for (const p of places) if (p.session_id && p.venue) named.set(p.session_id, p.venue);
  for (const x of sessions) named.set(x.id, `${x.venue}, ${x.date}`);
  const used = new Map<string, number>();
  const out: Record<string, string> = {};
  for (const [sid, name] of [...named.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    out[sid] = n === 1 ? name : `${name} (${n})`;
  }
  return out;
}
