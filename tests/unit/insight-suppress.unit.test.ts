import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/server/insight/csv';
import { representation, suppressTable } from '../../src/server/insight/suppress';

describe('small-number suppression', () => {
  it('suppresses cells below the threshold, and one more when a single hidden cell could be found by subtraction', () => {
    const t = suppressTable([
      ['16-24', 30],
      ['25-44', 45],
      ['45-64', 12],
      ['65+', 4],
    ]);
    expect(t.total).toBe(91);
    // 4 alone would be 91 - 30 - 45 - 12: the smallest visible cell (12) goes too
    expect(t.cells.map((c) => c.count)).toEqual([30, 45, null, null]);
  });

  it('keeps a suppressed group that already sums to the threshold as it is', () => {
    const t = suppressTable([
      ['a', 50],
      ['b', 6],
      ['c', 7],
    ]);
    expect(t.cells.map((c) => c.count)).toEqual([50, null, null]);
  });

  it('hides the whole view, total too, when fewer than the threshold took part', () => {
    const t = suppressTable([
      ['a', 5],
      ['b', 3],
    ]);
    expect(t.total).toBeNull();
    expect(t.cells.every((c) => c.count === null && c.suppressed)).toBe(true);
  });

  it('shows everything when no cell is small', () => {
    expect(
      suppressTable([
        ['a', 10],
        ['b', 11],
      ]).cells.map((c) => c.count),
    ).toEqual([10, 11]);
  });

  it('treats zero as small (it says who is absent in a small group)', () => {
    expect(
      suppressTable([
        ['a', 40],
        ['b', 0],
        ['c', 25],
      ]).cells.map((c) => c.count),
    ).toEqual([40, null, null]);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => suppressTable([['a', 1.5]])).toThrow(RangeError);
    expect(() => suppressTable([['a', -1]])).toThrow(RangeError);
  });

  it('for any counts and threshold: no visible number below the threshold, none derivable from the total', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 20 }), (ns, threshold) => {
        const t = suppressTable(
          ns.map((n, i) => [`k${i}`, n] as const),
          threshold,
        );
        const visible = t.cells.filter((c) => c.count !== null).map((c) => c.count as number);
        for (const n of visible) expect(n).toBeGreaterThanOrEqual(threshold);
        if (t.total === null) {
          expect(visible).toEqual([]);
          return;
        }
        expect(t.total).toBeGreaterThanOrEqual(threshold);
        const residue = t.total - visible.reduce((a, b) => a + b, 0);
        // what subtraction reveals is either nothing or a group at least as large as the threshold
        expect(residue === 0 || residue >= threshold).toBe(true);
        // a single hidden cell is never the whole residue of a small group
        if (t.cells.filter((c) => c.suppressed).length === 1) expect(residue).toBeGreaterThanOrEqual(threshold);
        // suppressed cells carry no number at all
        for (const c of t.cells) if (c.suppressed) expect(c.count).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('representation against reference shares', () => {
  it('marks over- and under-represented groups, and leaves suppressed ones unknown', () => {
    const t = suppressTable([
      ['16-24', 10],
      ['25-44', 60],
      ['45-64', 30],
      ['65+', 0],
    ]);
    const r = representation(t, { '16-24': 0.2, '25-44': 0.35, '45-64': 0.3, '65+': 0.15 });
    expect(r.map((x) => x.indicator)).toEqual(['unknown', 'over', 'similar', 'unknown']);
    expect(r[1]?.share).toBeCloseTo(0.6);
    // '16-24' (10) is hidden with '65+' (0) so the 0 cannot be found by subtraction
    expect(r[0]?.share).toBeNull();
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark, quotes what needs it and keeps Unicode', () => {
    const csv = toCsv(
      ['name', 'said'],
      [
        ['Zoë', 'Yes, "really"\nmore'],
        ['علي', 3],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFname,said\r\nZoë,"Yes, ""really""\nmore"\r\nعلي,3\r\n');
  });

  it('makes formula-like text inert', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+44 7700')).toBe("'+44 7700");
    expect(csvCell(-5)).toBe('-5');
  });
});
