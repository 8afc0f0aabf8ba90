/**
 * Small-number suppression for equality monitoring and other counts about people (DESIGN.md: reported only
 * in aggregate, fewer than 10 suppressed by default). No count below the threshold leaves the server: not
 * as a cell, and not by subtraction from the total shown in the same view. Suppressed cells carry
 * `count: null`, so a number that must not be seen is never in the payload at all.
 */
export const DEFAULT_THRESHOLD = 10;

export interface Cell {
  key: string;
  /** null when suppressed */
  count: number | null;
  suppressed: boolean;
}

export interface SuppressedTable {
  cells: Cell[];
  /** null when the whole view is below the threshold */
  total: number | null;
  threshold: number;
}

/**
 * One-way table with its total. Primary suppression: every cell below the threshold (zero included, as
 * "fewer than 10" says nothing about who). Complementary suppression: while the suppressed cells together
 * sum to less than the threshold (so total minus the visible cells would reveal a small number), the
 * smallest visible cell is suppressed too. A total below the threshold suppresses the whole view.
 */
export function suppressTable(counts: ReadonlyArray<readonly [string, number]>, threshold = DEFAULT_THRESHOLD): SuppressedTable {
  for (const [key, n] of counts) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`count for ${key} must be a whole number ≥ 0`);
  }
  const total = counts.reduce((s, [, n]) => s + n, 0);
  if (total < threshold) {
    return { cells: counts.map(([key]) => ({ key, count: null, suppressed: true })), total: null, threshold };
  }
  const hidden = new Set<number>();
  counts.forEach(([, n], i) => {
    if (n < threshold) hidden.add(i);
  });
  const hiddenSum = () => [...hidden].reduce((s, i) => s + (counts[i]?.[1] ?? 0), 0);
  while (hidden.size > 0 && hiddenSum() < threshold) {
    let smallest = -1;
    counts.forEach(([, n], i) => {
      if (!hidden.has(i) && (smallest < 0 || n < (counts[smallest]?.[1] ?? 0))) smallest = i;
    });
    if (smallest < 0) break;
    hidden.add(smallest);
  }
  const cells = counts.map(([key, n], i) =>
    hidden.has(i) ? { key, count: null, suppressed: true } : { key, count: n, suppressed: false },
  );
  // all cells hidden but the total is large enough: the total says nothing about any one cell
  return { cells, total, threshold };
}

export interface Representation {
  key: string;
  /** share of participants, 0..1, null when suppressed */
  share: number | null;
  /** the organiser's reference share (e.g. census), 0..1 */
  reference: number | null;
  /** 'over' | 'under' when the share differs from the reference by more than the tolerance (relative) */
  indicator: 'over' | 'under' | 'similar' | 'unknown';
}

/**
 * Compares visible shares with reference population shares; suppressed cells stay unknown. Cells named
 * in `exclude` (e.g. "not stated") are left out of the denominator when they are visible; only visible
 * numbers are used, so the shares reveal nothing the table does not.
 */
export function representation(
  table: SuppressedTable,
  reference: Record<string, number>,
  tolerance = 0.2,
  exclude: readonly string[] = [],
): Representation[] {
  const left = table.cells.filter((c) => exclude.includes(c.key)).reduce((s, c) => s + (c.count ?? 0), 0);
  const denominator = table.total === null ? null : table.total - left;
  return table.cells.map((c) => {
    const ref = reference[c.key] ?? null;
    if (exclude.includes(c.key) || c.count === null || denominator === null || denominator <= 0)
      return { key: c.key, share: null, reference: ref, indicator: 'unknown' };
    const share = c.count / denominator;
    if (ref === null || ref <= 0) return { key: c.key, share, reference: ref, indicator: 'unknown' };
    const ratio = share / ref;
    return { key: c.key, share, reference: ref, indicator: ratio > 1 + tolerance ? 'over' : ratio < 1 - tolerance ? 'under' : 'similar' };
  });
}
