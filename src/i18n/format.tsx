/**
 * Numbers, money, codes and lists on participant screens, in the participant's language, isolated from
 * the text around them so right-to-left sentences cannot reorder them. Values put into a translated
 * sentence are wrapped in Unicode isolates (FSI/LRI … PDI, the text form of <bdi> and dir="ltr"), because
 * a sentence from t() is a string; a value shown on its own uses the <Money>/<Ltr> elements. In a
 * left-to-right sentence an amount or code already runs the sentence's way, so the marks are added only
 * in right-to-left languages, and copied text elsewhere stays the plain value.
 */

import { dateTime } from '../shared/date-time';
import { dirOf, locale } from './index';

const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * "£12.50" in the reader's locale (its digits, separators and where the symbol goes), always with the plain
 * £: CLDR writes "UK£" in Arabic even for the narrow symbol, and "GBP" in Polish and Ukrainian. No break inside.
 */
export function moneyText(pence: number, lng: string = locale.value): string {
  return new Intl.NumberFormat(lng, { style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol' })
    .formatToParts(pence / 100)
    .map((p) => (p.type === 'currency' ? '£' : p.value.replace(/ /g, '\u00a0')))
    .join('');
}

const isolate = (open: string, text: string, lng: string) => (dirOf(lng) === 'rtl' ? `${open}${text}${PDI}` : text);

/** An amount to put inside a sentence: isolated, with its direction taken from its own first strong character. */
export const money = (pence: number, lng: string = locale.value) => isolate(FSI, moneyText(pence, lng), lng);

/** A sort code, account number, reference or code inside a sentence: always left to right ("12-34-56"). */
export const ltr = (code: string, lng: string = locale.value) => isolate(LRI, code, lng);

/** "a, b and c" in the reader's language (Intl.ListFormat), never a Latin comma in Arabic or Urdu. */
export function list(items: readonly string[], lng: string = locale.value, type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(lng, { style: 'long', type }).format(items);
}

/** An amount shown on its own: a bidi isolate (its spaces do not break, see moneyText). */
export function Money({ pence }: { pence: number }) {
  return <bdi>{moneyText(pence)}</bdi>;
}

/** A code shown on its own (reference, sort code): always left to right, isolated from the text around it. */
export function Ltr({ children, class: cls }: { children: string; class?: string }) {
  return (
    <span dir="ltr" class={cls}>
      {children}
    </span>
  );
}

/**
 * A day ("3 December", with the year when it is not this year) in the reader's language and digits, as the
 * day was in the UK (Europe/London), whatever the device's own time zone; isolated inside a sentence.
 */
export function day(iso: string, lng: string = locale.value): string {
  const when = new Date(iso);
  const zone = 'Europe/London';
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone }).format(d);
  const withYear = year(when) !== year(new Date());
  const text = new Intl.DateTimeFormat(dateLocale(lng), {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: zone,
  }).format(when);
  return isolate(FSI, text, lng);
}

/** Plain 'en' is American in Intl ("July 1", "06:11 AM"); the participants' English is British. */
const dateLocale = (lng: string) => (lng === 'en' ? 'en-GB' : lng);

/** Dates and times in the reader's locale, with the zone made explicit. */
export function formatDateTime(iso: string, lng: string = locale.value): string {
  return dateTime(iso, dateLocale(lng));
}

/** A size in bytes, in the reader's units ("1.5 MB"). */
export function formatBytes(n: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lng, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: v < 10 && i > 0 ? 1 : 0,
  }).format(v);
}
