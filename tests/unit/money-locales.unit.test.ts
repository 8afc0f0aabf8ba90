/** Amounts typed in any participant's digits and decimal separator parse to the same integer pence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../src/shared/claims';
import { MAX_LINE_PENCE, parsePounds, parseQuantity } from '../../src/shared/money';

/** Every shipped locale, and Arabic-script digits as a participant's keyboard may give them. */
const NUMBERING = ['en', 'gd', 'pl', 'uk', 'ar', 'ur', 'zh-Hans', 'ar-u-nu-arab', 'ur-u-nu-arabext', 'fa'];

describe('money typed in every locale', () => {
  it('parses Arabic-Indic and Extended Arabic-Indic digits and their separators', () => {
    expect(parsePounds('١٢٫٥٠')).toBe(1250);
    expect(parsePounds('۱۲٫۵')).toBe(1250);
    expect(parsePounds('١٬٢٣٤٫٥٠')).toBe(123_450);
    expect(parsePounds('12,50')).toBe(1250);
    expect(parsePounds('1\u00a0234,50')).toBe(123_450);
    expect(parsePounds('\u200f12.50')).toBe(1250);
    expect(parseQuantity('١٢٫٥')).toBe(12_500);
    expect(parseQuantity('۲,۲۵')).toBe(2250);
    for (const bad of ['١٢٫', '١٫٢٣٤', '۱۲a', '٫٥']) expect(parsePounds(bad), bad).toBeNull();
  });

  it('takes back any amount as Intl writes it in each locale, with or without grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_LINE_PENCE }), fc.constantFrom(...NUMBERING), fc.boolean(), (pence, lng, grouping) => {
        const typed = new Intl.NumberFormat(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: grouping }).format(
          pence / 100,
        );
        expect(parsePounds(typed), `${lng}: ${typed}`).toBe(pence);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads sort codes and account numbers typed in Arabic-script digits', () => {
    expect(checkBank('١٢-٣٤-٥٦', '۱۲۳۴۵۶۷۸')).toEqual({ ok: true, sortCode: '123456', accountNumber: '12345678' });
  });
});
