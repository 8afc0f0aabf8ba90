// This module is in the first load: keep it small, and import() what the first screen does not need.
/** The locales Blether ships, each named in its own script. */
export const LOCALES = ['en', 'gd', 'pl', 'uk', 'ar', 'ur', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_INFO: Record<Locale, { name: string; dir: 'ltr' | 'rtl' }> = {
  en: { name: 'English', dir: 'ltr' },
  gd: { name: 'Gàidhlig', dir: 'ltr' },
  pl: { name: 'Polski', dir: 'ltr' },
  uk: { name: 'Українська', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  ur: { name: 'اردو', dir: 'rtl' },
  'zh-Hans': { name: '简体中文', dir: 'ltr' },
};

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

export type Format = 'standard' | 'easy';
