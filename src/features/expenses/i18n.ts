/**
 * Claim screens keep their strings in their own namespace (locales/<lng>/expenses.json), fetched when a
 * claim starts (the service worker precaches it), so they add nothing to the participant's first load.
 */

import type { TOptions } from 'i18next';
import i18next from 'i18next';
import { facilitatorLocale } from '../../device/facilitator';
import { t, tIn } from '../../i18n/index';

const NS = 'expenses';

async function load(lng: string): Promise<void> {
  if (i18next.hasResourceBundle(lng, NS)) return;
  const res = await fetch(`/locales/${lng}/${NS}.json`);
  if (!res.ok) throw new Error(`Could not load ${lng}/${NS}`);
  i18next.addResourceBundle(lng, NS, await res.json());
}

/** Loads the claim strings for this language, the facilitator's (for their part) and English (the fallback). */
export async function loadExpenseStrings(lng: string): Promise<void> {
  await Promise.all([...new Set(['en', lng, facilitatorLocale.value])].map(load));
}

/** A claim string in the participant's language and format (easy read where there is one). */
export const et = (key: string, options: TOptions = {}) => t(`${NS}:${key}`, options);

/** A claim string for the facilitator's part of a page (cash handed over), in the facilitator's language. */
export const etFacilitator = (key: string) => tIn(facilitatorLocale.value, `${NS}:${key}`);
