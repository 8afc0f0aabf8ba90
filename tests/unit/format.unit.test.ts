/** Participant formatting: money with the plain £ in every locale, isolated in right-to-left text; codes left to right; lists in the reader's words. */
import { describe, expect, it } from 'vitest';
import { day, formatDateTime, list, ltr, money, moneyText } from '../../src/i18n/format';
import { LOCALES } from '../../src/shared/locales';
import { parsePounds } from '../../src/shared/money';

describe('participant formatting', () => {
  it('writes money with the plain £ (never UK£ or GBP), unbroken, and reads back as the same pence', () => {
    for (const lng of LOCALES) {
      const text = moneyText(1250, lng);
      expect(text, lng).toContain('£');
      expect(text, lng).not.toMatch(/UK|GBP| /);
      expect(parsePounds(text.replace('£', '')), lng).toBe(1250);
    }
    expect(moneyText(123_450, 'en')).toBe('£1,234.50');
  });

  it('isolates amounts and codes inside right-to-left sentences only', () => {
    expect(money(420, 'ar')).toBe(`\u2068${moneyText(420, 'ar')}\u2069`);
    expect(money(420, 'en')).toBe('£4.20');
    expect(ltr('12-34-56', 'ur')).toBe('\u206612-34-56\u2069');
    expect(ltr('12-34-56', 'pl')).toBe('12-34-56');
  });

  it('joins lists in the reader’s language', () => {
    expect(list(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(list(['a', 'b'], 'ar')).toBe('a وb');
    expect(list(['a', 'b', 'c'], 'zh-Hans')).toBe('a、b和c');
  });

  it('writes a day as it was in the UK, whatever the time zone it is read in, isolated in right-to-left text', () => {
    // 23:30 UTC on 30 June is already 1 July in London (summer time)
    expect(day('2024-06-30T23:30:00.000Z', 'en')).toBe('1 July 2024');
    expect(day('2024-12-03T23:30:00.000Z', 'pl')).toBe('3 grudnia 2024');
    const thisYear = new Date(Date.UTC(new Date().getUTCFullYear(), 5, 15, 12)).toISOString();
    expect(day(thisYear, 'en')).toBe('15 June');
    expect(day(thisYear, 'ar')).toMatch(/^\u2068.*يونيو\u2069$/);
  });

  it('writes a moment with its zone named, British in English (day before month, 24-hour clock)', () => {
    const text = formatDateTime('2026-12-01T18:11:00.000Z', 'en');
    expect(text).toMatch(/^1 Dec 2026, \d{2}:11 \S+$/);
    expect(text).not.toMatch(/AM|PM/);
    expect(formatDateTime('2026-12-01T18:11:00.000Z', 'pl')).toMatch(/^1 gru 2026/);
  });
});
