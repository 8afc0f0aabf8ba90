/** Reads for the insight pages: the engagement, its bundle rows and who took part, by engagement id. */
import type { Kysely } from 'kysely';
import type { EngagementContent } from '../../shared/engagement';
import type { InsightFilter } from '../../shared/insight';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { type CrossTab, crossTab } from '../insight/crosstab';
import { type WhoTookPart, whoTookPart } from '../insight/participation';
import { computeResults, type Results } from '../insight/results';
import { DEFAULT_THRESHOLD } from '../insight/suppress';
import { isFiltered, resultRows, sessionNames } from './insight-rows';
import { type ThemeCount, themeCounts } from './themes';

export { resultRows } from './insight-rows';

export interface InsightEngagement {
  id: string;
  slug: string;
  title: string;
  content: EngagementContent;
}

export async function engagementFor(db: Kysely<DB>, id: string): Promise<InsightEngagement> {
  const row = await db
    .selectFrom('engagements as e')
    .innerJoin('engagement_versions as v', 'v.engagement_id', 'e.id')
    .select(['e.id', 'e.slug', 'e.title_json', 'v.content_json'])
    .where('e.id', '=', id)
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'There is no published engagement with this id.');
  const content = JSON.parse(row.content_json) as EngagementContent;
  const title = JSON.parse(row.title_json) as Record<string, { standard?: string }> | string;
  const name = typeof title === 'string' ? title : (title[content.defaultLocale]?.standard ?? row.slug);
  return { id: row.id, slug: row.slug, title: name, content };
}

export interface EngagementResults extends Results {
  engagement: { id: string; slug: string; title: string };
  timeZone: string;
  filter: InsightFilter;
  themes: ThemeCount[];
  /** answer key `${bundleId}:${questionId}` → theme ids */
  tags: Record<string, string[]>;
  /** session id → venue, where the device said */
  venues: Record<string, string>;
  /** session id → its name (venue and date) */
  sessions: Record<string, string>;
  /** the areas sessions were held in, for the filter */
  areas: string[];
  /**
   * bundles for this engagement that have arrived but are not opened yet (services/opener.ts): not in the
   * figures until they are, which after a busy evening of syncing can take a while
   */
  opening: number;
}

export async function engagementResults(
  db: Kysely<DB>,
  id: string,
  timeZone: string,
  filter: InsightFilter = {},
  labelLocale = 'en',
): Promise<EngagementResults> {
  const e = await engagementFor(db, id);
  const [rows, themes, places, sessions, opening] = await Promise.all([
    resultRows(db, id, filter, timeZone),
    themeCounts(db, id),
    db.selectFrom('participation').select(['session_id', 'venue', 'area']).distinct().where('engagement_id', '=', id).execute(),
    sessionNames(db, id),
    stillOpening(db, id),
  ]);
  const venues: Record<string, string> = {};
  for (const p of places) if (p.session_id && p.venue) venues[p.session_id] = p.venue;
  const areas = [...new Set(places.flatMap((p) => (p.area ? [p.area] : [])))].sort();
  return {
    engagement: { id: e.id, slug: e.slug, title: e.title },
    timeZone,
    filter,
    ...computeResults(e.content, rows, timeZone, labelLocale, sessions),
    themes: themes.counts,
    tags: themes.tags,
    venues,
    sessions,
    areas,
    opening,
  };
}

/** Bundles for the engagement (any version) received and waiting for the opener. */
async function stillOpening(db: Kysely<DB>, engagementId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox')
    .innerJoin('engagement_versions', 'engagement_versions.id', 'inbox.engagement_version_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('inbox.state', '=', 'pending')
    .where('engagement_versions.engagement_id', '=', engagementId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A choice question by a monitoring question, over the filtered answers, suppressed. */
export async function crossTabFor(
  db: Kysely<DB>,
  id: string,
  timeZone: string,
  filter: InsightFilter,
  question: string,
  by: string,
  labelLocale = 'en',
): Promise<CrossTab> {
  const e = await engagementFor(db, id);
  const rows = await resultRows(db, id, filter, timeZone);
  return crossTab(e.content, rows, question, by, DEFAULT_THRESHOLD, labelLocale);
}

export interface Fatigue {
  area: string;
  /** distinct engagements (this one included) with participants from this area in the last 12 months */
  engagements: number;
}

export async function consultationFatigue(db: Kysely<DB>, id: string, now = new Date()): Promise<Fatigue[]> {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const areas = await db
    .selectFrom('participation')
    .select('area')
    .distinct()
    .where('engagement_id', '=', id)
    .where('area', 'is not', null)
    .execute();
  const list = areas.map((a) => a.area as string);
  if (list.length === 0) return [];
  const rows = await db
    .selectFrom('participation')
    .select(['area', 'engagement_id'])
    .distinct()
    .where('area', 'in', list)
    .where('created_at', '>=', since.toISOString())
    .execute();
  const per = new Map<string, number>(list.map((a) => [a, 0]));
  for (const r of rows) per.set(r.area as string, (per.get(r.area as string) ?? 0) + 1);
  return [...per.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([area, engagements]) => ({ area, engagements }));
}

export async function referenceShares(db: Kysely<DB>, id: string) {
  const rows = await db.selectFrom('reference_shares').selectAll().where('engagement_id', '=', id).execute();
  const shares: Record<string, Record<string, number>> = {};
  const sources: Record<string, string> = {};
  for (const r of rows) {
    shares[r.dimension] = { ...shares[r.dimension], [r.category]: r.basis_points / 10_000 };
    sources[r.dimension] = r.source;
  }
  return { shares, sources };
}

export async function participationFor(
  db: Kysely<DB>,
  id: string,
  filter: InsightFilter = {},
  timeZone = 'Europe/London',
): Promise<WhoTookPart & { fatigue: Fatigue[]; sources: Record<string, string> }> {
  await engagementFor(db, id);
  const [rows, ref, fatigue] = await Promise.all([
    isFiltered(filter)
      ? resultRows(db, id, filter, timeZone).then((list) => list.filter((r) => r.participant !== null))
      : db.selectFrom('participation').select(['venue', 'monitoring_json']).where('engagement_id', '=', id).execute(),
    referenceShares(db, id),
    consultationFatigue(db, id),
  ]);
  return { ...whoTookPart(rows, ref.shares), fatigue, sources: ref.sources };
}

export async function saveReferenceShares(
  db: Kysely<DB>,
  id: string,
  dimension: string,
  percents: Record<string, number>,
  source: string,
): Promise<void> {
  await engagementFor(db, id);
  const total = Object.values(percents).reduce((s, p) => s + p, 0);
  if (total > 100.001) throw new HttpError(400, 'invalid_body', `The shares add up to ${total}%; they can be at most 100%.`);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('reference_shares').where('engagement_id', '=', id).where('dimension', '=', dimension).execute();
    const values = Object.entries(percents).map(([category, p]) => ({
      engagement_id: id,
      dimension,
      category,
      basis_points: Math.round(p * 100),
      source,
    }));
    if (values.length) await tx.insertInto('reference_shares').values(values).execute();
  });
}
