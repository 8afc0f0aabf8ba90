/**
 * The words a participant saw for the fixed answers (the five faces, yes / no / not sure, skipped, a voice
 * recording), read from the participant journey's own locale files so exports and charts name them exactly
 * as the journey did, in any shipped language (English where a locale lacks one).
 */
import ar from '../../../locales/ar/common.json';
import en from '../../../locales/en/common.json';
import gd from '../../../locales/gd/common.json';
import pl from '../../../locales/pl/common.json';
import uk from '../../../locales/uk/common.json';
import ur from '../../../locales/ur/common.json';
import zhHans from '../../../locales/zh-Hans/common.json';
import { isLocale, type Locale } from '../../shared/locales';

export interface Wording {
  faces: Record<string, string>;
  yesno: Record<string, string>;
  skipped: string;
  voice: string;
}

interface CommonJson {
  faces?: Record<string, string>;
  yesno?: Record<string, string>;
  check?: { skipped?: string; voiceRecorded?: string };
}

// imported, not read from disk: the compiled server (dist-server/) carries them, wherever it runs
const COMMON: Record<Locale, CommonJson> = { en, gd, pl, uk, ar, ur, 'zh-Hans': zhHans };
const cache = new Map<string, Wording>();
const read = (locale: Locale): CommonJson => COMMON[locale];

export function wordingFor(locale: string): Wording {
  const lng = isLocale(locale) ? locale : 'en';
  const known = cache.get(lng);
  if (known) return known;
  const base = read('en');
  const own = read(lng);
  const words: Wording = {
    faces: { ...base.faces, ...own.faces },
    yesno: { ...base.yesno, ...own.yesno },
    skipped: own.check?.skipped ?? base.check?.skipped ?? 'Skipped',
    voice: own.check?.voiceRecorded ?? base.check?.voiceRecorded ?? 'Voice recording',
  };
  cache.set(lng, words);
  return words;
}
