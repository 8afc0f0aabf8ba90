import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divHalfUp,
  formatPence,
  lineAmount,
  MAX_LINE_PENCE,
  MAX_QUANTITY_MILLI,
  milliToDecimal,
  parsePounds,
  parseQuantity,
  penceToDecimal,
  sumPence,
} from '../../src/shared/money';

describe('money: integer pence, half-up once per line', () => {
  it('rounds half up, once', () => {
    expect(lineAmount(12_500, 45)).toBe(563); // 12.5 miles x 45p = 562.5p → 563p
    expect(lineAmount(12_400, 45)).toBe(558);
    expect(lineAmount(1_111, 45)).toBe(50); // 49.995 → 50
    expect(lineAmount(0, 45)).toBe(0);
    expect(divHalfUp(5, 10)).toBe(1);
    expect(divHalfUp(4, 10)).toBe(0);
    expect(divHalfUp(7, 3)).toBe(2);
    expect(divHalfUp(5, 3)).toBe(2);
  });

  it('refuses negative, fractional and too-large inputs', () => {
    expect(() => lineAmount(-1, 45)).toThrow(RangeError);
    expect(() => lineAmount(1.5, 45)).toThrow(RangeError);
    expect(() => lineAmount(1000, 0.5)).toThrow(RangeError);
    expect(() => lineAmount(MAX_QUANTITY_MILLI + 1, 1)).toThrow(RangeError);
    expect(() => sumPence([1, -1])).toThrow(RangeError);
    expect(() => sumPence([1.5])).toThrow(RangeError);
    expect(() => sumPence([Number.NaN])).toThrow(RangeError);
  });

  it('parses pounds typed as people type them', () => {
    expect(parsePounds('12')).toBe(1200);
    expect(parsePounds('12.3')).toBe(1230);
    expect(parsePounds('£12.34')).toBe(1234);
    expect(parsePounds('1,234.50')).toBe(123450);
    expect(parsePounds('0,5')).toBe(50);
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '12.', '£', '99999999']) expect(parsePounds(bad), bad).toBeNull();
    expect(parseQuantity('12.5')).toBe(12_500);
    expect(parseQuantity('0.25')).toBe(250);
    for (const bad of ['', '-2', '1.2345', 'x']) expect(parseQuantity(bad), bad).toBeNull();
  });

  it('formats with Intl in the participant locale', () => {
    expect(formatPence(1234, 'en-GB')).toBe('£12.34');
    expect(formatPence(1234, 'pl')).toMatch(/12,34/);
    expect(penceToDecimal(5)).toBe('0.05');
    expect(penceToDecimal(123456)).toBe('1234.56');
    expect(milliToDecimal(12_500)).toBe('12.5');
    expect(milliToDecimal(3000)).toBe('3');
  });

  it('property: a line is exact half-up of quantity x rate, in integer pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_QUANTITY_MILLI }), fc.integer({ min: 0, max: MAX_LINE_PENCE }), (q, r) => {
        const got = lineAmount(q, r);
        const exact = (BigInt(q) * BigInt(r) * 2n + 1000n) / 2000n; // BigInt reference: floor(x + 1/2)
        expect(Number.isSafeInteger(got)).toBe(true);
        expect(got).toBeGreaterThanOrEqual(0);
        expect(BigInt(got)).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a total is exactly the sum of its lines, and never negative or fractional', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_LINE_PENCE }), { maxLength: 60 }), (lines) => {
        const total = sumPence(lines);
        expect(BigInt(total)).toBe(lines.reduce((a, b) => a + BigInt(b), 0n));
        expect(Number.isInteger(total) && total >= 0).toBe(true);
      }),
    );
  });

  it('property: any parsed amount is non-negative integer pence, and round-trips', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parsePounds(s);
        if (p !== null) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_LINE_PENCE }), (p) => {
        expect(parsePounds(penceToDecimal(p))).toBe(p);
      }),
    );
  });
});
