/**
 * The words a participant saw for the fixed answers (the five faces, yes / no / not sure, skipped, a voice
 * recording), read from the participant journey's own locale files so exports and charts name them exactly
 * as the journey did, in any shipped language (English where a locale lacks one).
 */
import fs from 'node:fs';
import { isLocale } from '../../shared/locales';

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

const cache = new Map<string, Wording>();
const read = (locale: string): CommonJson =>
  JSON.parse(fs.readFileSync(new URL(`../../../locales/${locale}/common.json`, import.meta.url), 'utf8')) as CommonJson;

export function wordingFor(locale: string): Wording {
  const lng = isLocale(locale) ? locale : 'en';
  const known = cache.get(lng);
  if (known) return known;
  const en = read('en');
  const own = lng === 'en' ? en : read(lng);
  const words: Wording = {
    faces: { ...en.faces, ...own.faces },
    yesno: { ...en.yesno, ...own.yesno },
    skipped: own.check?.skipped ?? en.check?.skipped ?? 'Skipped',
    voice: own.check?.voiceRecorded ?? en.check?.voiceRecorded ?? 'Voice recording',
  };
  cache.set(lng, words);
  return words;
}
