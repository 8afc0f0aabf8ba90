/**
 * What an analyst narrows the insight figures to, one contract for the staff web (which writes it into the
 * query string) and the server (which reads it back): session, area, language, format, input method and a
 * range of local dates in an explicit time zone. Every field is optional; an empty filter means everything.
 */
import * as v from 'valibot';
import { LOCALES } from './locales';

const Token = (what: string) => v.pipe(v.string(), v.regex(/^[A-Za-z0-9_ -]{1,64}$/, `Not a ${what}`));
const LocalDate = v.pipe(v.string(), v.isoDate('Dates are YYYY-MM-DD'));
const TimeZone = v.pipe(
  v.string(),
  v.check((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a time zone (e.g. Europe/London)'),
);

export const InsightFilterEntries = {
  session: v.optional(Token('session')),
  area: v.optional(Token('area')),
  locale: v.optional(v.picklist(LOCALES, 'Not a language')),
  /** standard or easy read (`format` is taken by exports: csv or json) */
  textFormat: v.optional(v.picklist(['standard', 'easy'], 'Text format is standard or easy')),
  inputMethod: v.optional(v.picklist(['self', 'helped', 'paper'], 'Input method is self, helped or paper')),
  /** first local date included, in `timeZone` */
  from: v.optional(LocalDate),
  /** last local date included, in `timeZone` */
  to: v.optional(LocalDate),
  /** the zone `from` and `to` are read in; the organisation's when absent */
  timeZone: v.optional(TimeZone),
};
/** For any query that carries the filter: the first date is not after the last. */
export const datesInOrder = <T extends { from?: string; to?: string }>() =>
  v.check<T, string>((f) => !f.from || !f.to || f.from <= f.to, 'The first date comes before the last');
export const InsightFilterSchema = v.pipe(v.strictObject(InsightFilterEntries), datesInOrder());
export type InsightFilter = v.InferOutput<typeof InsightFilterSchema>;

/** The filter as query-string pairs (empty fields left out), for links and fetches. */
export function filterParams(filter: InsightFilter): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, value] of Object.entries(filter)) if (typeof value === 'string' && value !== '') out.set(k, value);
  return out;
}

/** The monitoring questions a choice question can be crossed with. */
export const CROSS_BY = ['ageBand', 'gender', 'disability', 'ethnicity', 'area'] as const;

/** A share in percent with one decimal, or null when there is no base. */
export function percent(count: number | null, base: number | null): number | null {
  if (count === null || base === null || base <= 0) return null;
  return Math.round((count / base) * 1000) / 10;
}
