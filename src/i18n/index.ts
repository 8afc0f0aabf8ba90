// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * i18next with every locale fetched as JSON, English at boot (preloaded by index.html, in parallel with the
 * script) and the others on demand; the service worker precaches them all, so they load offline. Keeping
 * English out of the script keeps the participant first load within its budget. Participant-facing strings have easy-read versions as the `easy` context:
 * `t('key', { context: 'easy' })` falls back to the standard string where no easy one exists.
 */

import i18next, { type TOptions } from 'i18next';
import { type Format, isLocale, LOCALE_INFO, type Locale } from '../shared/locales';
import { signal } from '../shared/signal';

export const locale = signal<Locale>('en');
/** The language last asked for: it shows as chosen at once, while its words may still be loading. */
export const chosenLocale = signal<Locale>('en');
export const format = signal<Format>('standard');

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: ['common'],
    resources: { en: { common: await fetchBundle('en', 'common') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

async function fetchBundle(lng: string, ns: string, tries = 3): Promise<Record<string, unknown>> {
  for (let i = 1; ; i++) {
    try {
      const res = await fetch(`/locales/${lng}/${ns}.json`);
      if (!res.ok) throw new Error(`Could not load ${lng}/${ns}`);
      return await res.json();
    } catch (e) {
      // a connection that drops between the page and its words should not leave a blank screen
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 300 * i));
    }
  }
}

async function loadLocale(lng: Locale, ns = 'common'): Promise<void> {
  if (i18next.hasResourceBundle(lng, ns)) return;
  i18next.addResourceBundle(lng, ns, await fetchBundle(lng, ns));
}

let latestChoice = 0;
export async function setLocale(lng: string): Promise<void> {
  const next: Locale = isLocale(lng) ? lng : 'en';
  // the last choice wins: a language chosen while an earlier one still loads (arrow keys through the list)
  // must not be overwritten when that earlier, slower one arrives
  const choice = ++latestChoice;
  chosenLocale.value = next;
  try {
    await loadLocale(next);
  } catch (e) {
    // its words could not load: the language in use is still the chosen one
    if (choice === latestChoice) chosenLocale.value = locale.value;
    throw e;
  }
  if (choice !== latestChoice) return;
  await i18next.changeLanguage(next);
  if (choice !== latestChoice) return;
  document.documentElement.lang = next;
  document.documentElement.dir = LOCALE_INFO[next].dir;
  locale.value = next;
}

/** Translate in the current locale; `easy` picks the easy-read version where there is one. */
export function t(key: string, options: TOptions & { easy?: boolean } = {}): string {
  // reading the signals makes components re-render when the language or format changes
  const lng = locale.value;
  const easy = options.easy ?? format.value === 'easy';
  const { easy: _ignored, ...rest } = options;
  return i18next.t(key, { ...rest, lng, ...(easy ? { context: 'easy' } : {}) }) as string;
}

export function dirOf(lng: string): 'ltr' | 'rtl' {
  return isLocale(lng) ? LOCALE_INFO[lng].dir : 'ltr';
}

/** A string in a given language, whatever the page's: the participant's words on a facilitator screen. */
export function tIn(lng: string, key: string, easy = false): string {
  return i18next.t(key, { lng, ...(easy ? { context: 'easy' } : {}) }) as string;
}
