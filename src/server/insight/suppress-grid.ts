/**
 * Small-number suppression for a two-way table (a choice question by a monitoring question) published
 * with its row totals, column totals and grand total. Row totals and the grand total are the plain answer
 * counts the results page already shows, so they stay visible; cells and column totals may be hidden.
 *
 * Primary: every cell and column total below the threshold (zero included). Complementary, until nothing
 * changes: (1) in every line whose total is published, the hidden cells together come to at least the
 * threshold unless the whole line is hidden (so "total minus the rest" never gives a small number);
 * (2) no hidden entry can be worked out by subtraction. Seen as a graph (rows and columns, margins
 * included, are nodes; hidden entries are edges, and every line sums to its total), a hidden value is
 * fixed by the published figures exactly when its edge is a bridge, so every bridge is closed into a
 * cycle by hiding one more entry. Hiding every cell and column total is always safe, so this ends.
 */
export interface SuppressedGrid {
  /** [row][column], null when hidden */
  cells: (number | null)[][];
  rowTotals: number[];
  /** null when hidden */
  columnTotals: (number | null)[];
  total: number;
  threshold: number;
}

type Entry = [number, number];

export function suppressGrid(counts: number[][], threshold: number): SuppressedGrid {
  const r = counts.length;
  const c = counts[0]?.length ?? 0;
  const colTotals = Array.from({ length: c }, (_, j) => counts.reduce((s, row) => s + (row[j] ?? 0), 0));
  const at = (i: number, j: number) => (i < r ? (counts[i]?.[j] ?? 0) : (colTotals[j] ?? 0));
  const rowTotals = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const total = rowTotals.reduce((s, n) => s + n, 0);
  // entries that may be hidden: cells (i < r) and column totals (i = r)
  const hideable: Entry[] = [];
  for (let i = 0; i <= r; i++) for (let j = 0; j < c; j++) hideable.push([i, j]);
  const key = ([i, j]: Entry) => i * (c + 1) + j;
  const hidden = new Set<number>();
  for (const e of hideable) if (total < threshold || at(e[0], e[1]) < threshold) hidden.add(key(e));
  const isHidden = (e: Entry) => hidden.has(key(e));
  const hideSmallest = (candidates: Entry[]): boolean => {
    const open = candidates.filter((e) => !isHidden(e)).sort((a, b) => at(a[0], a[1]) - at(b[0], b[1]));
    if (!open[0]) return false;
    hidden.add(key(open[0]));
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines(r, c)) {
      // a column whose total is hidden gives no "total minus the rest"
      const cells = line.filter(([i]) => i < r || line.every(([k]) => k === r));
      if (cells.length < line.length && isHidden([r, line[0]?.[1] ?? 0])) continue;
      const h = cells.filter(isHidden);
      const hiddenSum = h.reduce((s, [i, j]) => s + at(i, j), 0);
      if (h.length > 0 && h.length < cells.length && hiddenSum < threshold && hideSmallest(cells)) changed = true;
    }
    const bridge = findBridge(hideable.filter(isHidden));
    if (bridge) {
      const [a, b] = bridge.sides;
      const closing = hideable.filter(([i, j]) => (a.has(`r${i}`) && b.has(`c${j}`)) || (b.has(`r${i}`) && a.has(`c${j}`)));
      const near = hideable.filter(([i, j]) => i === bridge.edge[0] || j === bridge.edge[1]);
      if (hideSmallest(closing) || hideSmallest(near) || hideSmallest(hideable)) changed = true;
    }
  }
  return {
    cells: counts.map((row, i) => row.map((n, j) => (isHidden([i, j]) ? null : n))),
    rowTotals,
    columnTotals: colTotals.map((n, j) => (isHidden([r, j]) ? null : n)),
    total,
    threshold,
  };
}

/** Each line with a published total: every row of cells, the row of column totals, every column (with its total). */
function lines(r: number, c: number): Entry[][] {
  const out: Entry[][] = [];
  for (let i = 0; i <= r; i++) out.push(Array.from({ length: c }, (_, j) => [i, j] as Entry));
  for (let j = 0; j < c; j++) out.push(Array.from({ length: r + 1 }, (_, i) => [i, j] as Entry));
  return out;
}

/** A hidden entry whose value the published figures fix (a bridge), with the node sets on either side of it. */
function findBridge(edges: Entry[]): { edge: Entry; sides: [Set<string>, Set<string>] } | null {
  const adjacent = new Map<string, [string, number][]>();
  const link = (a: string, b: string, k: number) => adjacent.set(a, [...(adjacent.get(a) ?? []), [b, k]]);
  edges.forEach(([i, j], k) => {
    link(`r${i}`, `c${j}`, k);
    link(`c${j}`, `r${i}`, k);
  });
  const reach = (from: string, skip: number) => {
    const seen = new Set([from]);
    const todo = [from];
    for (let node = todo.pop(); node !== undefined; node = todo.pop())
      for (const [next, k] of adjacent.get(node) ?? [])
        if (k !== skip && !seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
    return seen;
  };
  for (const [k, [i, j]] of edges.entries()) {
    const a = reach(`r${i}`, k);
    if (!a.has(`c${j}`)) return { edge: [i, j], sides: [a, reach(`c${j}`, k)] };
  }
  return null;
}
