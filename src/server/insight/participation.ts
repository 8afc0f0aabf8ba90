/**
 * Who took part, in aggregate only: one suppressed table per equality-monitoring dimension (every cell
 * below the threshold is null, complementary suppression against the total), compared with the
 * organiser's reference shares; participants per venue. Pure, so the page, the JSON and the CSV agree.
 */
import { MONITORING_OPTIONS } from '../../shared/monitoring';
import type { Count } from './results';
import { DEFAULT_THRESHOLD, type Representation, representation, type SuppressedTable, suppressTable } from './suppress';

/** The journey's option lists (src/shared/monitoring.ts), without "prefer_not": it and no answer are "not stated". */
const stated = (list: readonly string[]) => list.filter((k) => k !== 'prefer_not');
export const CATEGORIES: Record<string, readonly string[]> = {
  ageBand: stated(MONITORING_OPTIONS.ageBand),
  gender: stated(MONITORING_OPTIONS.gender),
  disability: stated(MONITORING_OPTIONS.disability),
  ethnicity: stated(MONITORING_OPTIONS.ethnicity),
  area: [],
};
export const NOT_STATED = 'not_stated';

export interface ParticipationRow {
  venue: string | null;
  monitoring_json: string | null;
}

export interface DimensionView {
  dimension: string;
  table: SuppressedTable;
  representation: Representation[];
}

export interface WhoTookPart {
  /** null when fewer than the threshold took part */
  total: number | null;
  threshold: number;
  dimensions: DimensionView[];
  venues: Count[];
}

/** reference: dimension → category → share (0..1) */
export function whoTookPart(
  rows: ParticipationRow[],
  reference: Record<string, Record<string, number>>,
  threshold = DEFAULT_THRESHOLD,
): WhoTookPart {
  const monitoring = rows.map((r) => (r.monitoring_json ? (JSON.parse(r.monitoring_json) as Record<string, string>) : {}));
  const dimensions = Object.entries(CATEGORIES).map(([dimension, known]) => {
    const counts = new Map<string, number>([...known, ...Object.keys(reference[dimension] ?? {})].map((k) => [k, 0]));
    counts.set(NOT_STATED, 0);
    for (const m of monitoring) {
      const given = m[dimension];
      const key = !given || given === 'prefer_not' ? NOT_STATED : given;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const table = suppressTable([...counts.entries()], threshold);
    return { dimension, table, representation: representation(table, reference[dimension] ?? {}, 0.2, [NOT_STATED]) };
  });
  const venues = new Map<string, number>();
  for (const r of rows) venues.set(r.venue ?? 'not recorded', (venues.get(r.venue ?? 'not recorded') ?? 0) + 1);
  return {
    total: rows.length < threshold ? null : rows.length,
    threshold,
    dimensions,
    venues: [...venues.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, label: key, count })),
  };
}
