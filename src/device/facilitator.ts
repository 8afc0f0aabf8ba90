// This module is in the first load: keep it small, and import() what the first screen does not need.
/** The facilitator's own language: facilitator screens use it, whatever the last participant chose. */

import { getMeta, setMeta } from '../db/meta';
import { setLocale } from '../i18n/index';
import { isLocale, type Locale } from '../shared/locales';
import { signal } from '../shared/signal';

export const facilitatorLocale = signal<Locale>('en');

export async function loadFacilitatorLocale(): Promise<void> {
  const saved = await getMeta<string>('facilitatorLocale');
  if (saved && isLocale(saved)) facilitatorLocale.value = saved;
}

export async function chooseFacilitatorLocale(lng: Locale): Promise<void> {
  await setMeta('facilitatorLocale', lng);
  facilitatorLocale.value = lng;
  await setLocale(lng);
}

/** Puts the page in the facilitator's language (a facilitator screen is showing). */
export function applyFacilitatorLanguage(): Promise<void> {
  return setLocale(facilitatorLocale.value);
}
