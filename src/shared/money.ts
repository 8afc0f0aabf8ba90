/**
 * Money is integer pence everywhere (DESIGN.md). Quantities with a fractional part (miles, hours) are held
 * as integer thousandths, so a line's amount is one integer multiplication and ONE half-up rounding.
 */

/** Largest amount one line may carry: £100,000, far below 2^53 even after multiplying. */
export const MAX_LINE_PENCE = 10_000_000;
/** Largest quantity in thousandths: 100,000 miles or hours. */
export const MAX_QUANTITY_MILLI = 100_000_000;

export const isPence = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Half-up division of a non-negative integer by a positive integer, exact (no floating division). */
export function divHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new RangeError('numerator must be a non-negative integer');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError('denominator must be a positive integer');
  // half-up: floor((2n + d) / 2d), in integers only
  const twice = 2 * numerator + denominator;
  if (!Number.isSafeInteger(twice)) throw new RangeError('amount too large');
  return (twice - (twice % (2 * denominator))) / (2 * denominator);
}

/** quantity (thousandths) x rate (pence per unit), rounded half-up once. */
export function lineAmount(quantityMilli: number, ratePence: number): number {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli < 0 || quantityMilli > MAX_QUANTITY_MILLI) throw new RangeError('bad quantity');
  if (!isPence(ratePence) || ratePence > MAX_LINE_PENCE) throw new RangeError('bad rate');
  return divHalfUp(quantityMilli * ratePence, 1000);
}

/** A total is the sum of its lines, nothing else. */
export function sumPence(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!isPence(a)) throw new RangeError('amounts must be non-negative integer pence');
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total too large');
  return total;
}

/**
 * What people type for a number, made plain: Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits
 * become 0-9, the Arabic decimal separator (٫) a point and its group separator (٬) a comma; direction
 * marks and spaces (a group separator in Polish and Ukrainian, often a no-break space) go.
 */
export function plainNumber(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/[\s\u200e\u200f\u061c\u2066-\u2069]/g, '');
}

/**
 * "12", "12.3", "12,34", "£12.34", "1,234.50", "١٢٫٥٠", "۱۲٫۵", "1 234,50" → pence; null when it is not an
 * amount of money. A point or a comma before one or two digits at the end is the decimal separator (the
 * point in en, gd, ur, zh-Hans, the comma in pl and uk, ٫ in ar); a comma before three digits groups thousands.
 */
export function parsePounds(input: string): number | null {
  const m = /^£?(\d{1,3}(?:,\d{3})+|\d{1,7})(?:[.,](\d{1,2}))?$/.exec(plainNumber(input));
  if (!m) return null;
  const pounds = Number((m[1] as string).replace(/,/g, ''));
  const pence = pounds * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return pence <= MAX_LINE_PENCE ? pence : null;
}

/** "12", "12.5", "0.25" → thousandths; null when not a non-negative number with at most 3 decimals. */
export function parseQuantity(input: string): number | null {
  const m = /^(\d{1,6})(?:[.,](\d{1,3}))?$/.exec(plainNumber(input));
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '0').padEnd(3, '0'));
  return milli <= MAX_QUANTITY_MILLI ? milli : null;
}

export function formatPence(pence: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP' }).format(pence / 100);
}

/** For CSV and inputs: 1234 → "12.34", locale-free. */
export function penceToDecimal(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

export function milliToDecimal(milli: number): string {
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${Math.floor(milli / 1000)}.${frac}` : String(Math.floor(milli / 1000));
}
