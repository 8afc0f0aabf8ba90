/** XLSForm's language columns: `label::English (en)`, `label::en`, or a bare `label` for a one-language form. */
import { isLocale, LOCALE_INFO } from '../../shared/locales';
import type { BuilderContent } from './builder-schema';

type Text = BuilderContent['title'];
type Row = Record<string, string>;

/** The column suffix for each locale, as XLSForm writes it: `Polski (pl)`. */
export function localeColumns(locales: string[]): Record<string, string> {
  return Object.fromEntries(locales.map((l) => [l, `${isLocale(l) ? LOCALE_INFO[l].name : l} (${l})`]));
}

/** `English (en)` or `en` to `en`; null when the suffix names no language code. */
export function codeOfSuffix(suffix: string): string | null {
  const s = suffix.trim();
  const inBrackets = /\(([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)\)\s*$/.exec(s)?.[1];
  if (inBrackets) return inBrackets;
  return /^[A-Za-z]{2,3}(-[A-Za-z]{2,4})?$/.test(s) ? s : null;
}

export interface Columns {
  /** languages in the order their columns first appear */
  locales: string[];
  get(cells: Row, prefix: string, locale: string): string | undefined;
}

/** Which header holds which prefix and language; a bare `label` belongs to `bare` (the default language). */
export function columnsOf(headers: string[], bare: string): Columns {
  const at = new Map<string, string>();
  const locales: string[] = [];
  for (const h of headers) {
    const [prefix = '', suffix] = h.split('::');
    const code = suffix === undefined ? bare : codeOfSuffix(suffix);
    if (!code || at.has(`${prefix}|${code}`)) continue;
    at.set(`${prefix}|${code}`, h);
    if (['label', 'easy_label', 'title'].includes(prefix) && !locales.includes(code)) locales.push(code);
  }
  return { locales, get: (cells, prefix, locale) => cells[at.get(`${prefix}|${locale}`) ?? ''] };
}

export function writeText(prefix: string, text: Text | undefined, locales: string[]): Row {
  const cols = localeColumns(locales);
  return Object.fromEntries(
    locales.flatMap((l) => [
      [`${prefix}::${cols[l]}`, text?.[l]?.standard ?? ''],
      [`easy_${prefix}::${cols[l]}`, text?.[l]?.easy ?? ''],
    ]),
  );
}

export function readText(prefix: string, cells: Row, cols: Columns, locales = cols.locales): Text {
  const out: Text = {};
  for (const l of locales) {
    const standard = cols.get(cells, prefix, l);
    const easy = cols.get(cells, `easy_${prefix}`, l);
    if (standard || easy) out[l] = { standard: standard ?? '', ...(easy ? { easy } : {}) };
  }
  return out;
}
