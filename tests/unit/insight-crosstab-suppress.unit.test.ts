/**
 * Cross-tab suppression, as properties over many random tables: every figure below the threshold is
 * hidden, every published figure is true, and no hidden figure can be worked out from the published ones
 * by subtraction (checked here by linear algebra, independently of the graph argument the code uses).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressGrid } from '../../src/server/insight/suppress-grid';

/** Rank of a matrix by Gaussian elimination (entries are small integers, so floats are exact enough). */
function rank(m: number[][]): number {
  const a = m.map((row) => [...row]);
  let rk = 0;
  const cols = a[0]?.length ?? 0;
  for (let col = 0; col < cols && rk < a.length; col++) {
    const pivot = a.findIndex((row, i) => i >= rk && Math.abs(row[col] ?? 0) > 1e-9);
    if (pivot < 0) continue;
    [a[rk], a[pivot]] = [a[pivot] as number[], a[rk] as number[]];
    const p = a[rk] as number[];
    for (let i = 0; i < a.length; i++) {
      const row = a[i] as number[];
      if (i === rk || Math.abs(row[col] ?? 0) < 1e-9) continue;
      const f = (row[col] as number) / (p[col] as number);
      for (let k = col; k < cols; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
    rk++;
  }
  return rk;
}

/**
 * The unknowns are the hidden cells and hidden column totals; the published equations are each row sum,
 * each column sum and the sum of column totals. An unknown is fixed by them exactly when dropping its
 * column from the equations lowers the rank (it is not a combination of the others' columns).
 */
function recoverable(hidden: [number, number][], r: number, c: number): [number, number][] {
  const equations: number[][] = [];
  const coef = (pred: (e: [number, number]) => number) => hidden.map(pred);
  for (let i = 0; i < r; i++) equations.push(coef(([a]) => (a === i ? 1 : 0)));
  for (let j = 0; j < c; j++) equations.push(coef(([a, b]) => (b !== j ? 0 : a < r ? 1 : -1)));
  equations.push(coef(([a]) => (a === r ? 1 : 0)));
  const full = rank(equations);
  return hidden.filter((_, k) => rank(equations.map((row) => row.filter((__, x) => x !== k))) < full);
}

const table = fc.record({ r: fc.integer({ min: 2, max: 6 }), c: fc.integer({ min: 2, max: 6 }) }).chain(({ r, c }) =>
  fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), { minLength: c, maxLength: c }), {
    minLength: r,
    maxLength: r,
  }),
);

describe('cross-tab suppression', () => {
  it('hides every small figure, publishes only true ones, and leaves nothing recoverable by subtraction', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(3, 5, 10), (counts, threshold) => {
        const r = counts.length;
        const c = counts[0]?.length ?? 0;
        const g = suppressGrid(counts, threshold);
        const colTotals = Array.from({ length: c }, (_, j) => counts.reduce((s, row) => s + (row[j] ?? 0), 0));
        const hidden: [number, number][] = [];
        counts.forEach((row, i) => {
          row.forEach((n, j) => {
            const shown = g.cells[i]?.[j];
            if (n < threshold) expect(shown).toBeNull();
            if (shown === null) hidden.push([i, j]);
            else expect(shown).toBe(n);
          });
        });
        colTotals.forEach((n, j) => {
          if (n < threshold) expect(g.columnTotals[j]).toBeNull();
          if (g.columnTotals[j] === null) hidden.push([r, j]);
          else expect(g.columnTotals[j]).toBe(n);
        });
        expect(g.rowTotals).toEqual(counts.map((row) => row.reduce((s, n) => s + n, 0)));
        expect(recoverable(hidden, r, c)).toEqual([]);
        // a line's hidden cells never add up to a small number someone could get by subtraction
        counts.forEach((row, i) => {
          const h = row.filter((_, j) => g.cells[i]?.[j] === null);
          if (h.length > 0 && h.length < c) expect(h.reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(threshold);
        });
      }),
      { numRuns: 600, seed: 20261130 },
    );
  });

  it('hides the whole table when fewer than the threshold answered', () => {
    const g = suppressGrid(
      [
        [2, 1],
        [3, 0],
      ],
      10,
    );
    expect(g.cells.flat().every((n) => n === null)).toBe(true);
    expect(g.columnTotals).toEqual([null, null]);
  });

  it('shows a table of large counts whole', () => {
    const g = suppressGrid(
      [
        [12, 30],
        [15, 11],
      ],
      10,
    );
    expect(g.cells).toEqual([
      [12, 30],
      [15, 11],
    ]);
    expect(g.columnTotals).toEqual([27, 41]);
  });
});
