/**
 * Feedback and lookup strings live in their own namespace (locales/<lng>/feedback.json), fetched when one
 * of these pages opens (the service worker precaches it), so they add nothing to the first load.
 */
import i18next, { type TOptions } from 'i18next';
import { t } from '../../i18n/index';

const NS = 'feedback';

async function load(lng: string): Promise<void> {
  if (i18next.hasResourceBundle(lng, NS)) return;
  const res = await fetch(`/locales/${lng}/${NS}.json`);
  if (!res.ok) throw new Error(`Could not load ${lng}/${NS}`);
  i18next.addResourceBundle(lng, NS, await res.json());
}

export async function loadFeedbackStrings(lng: string): Promise<void> {
  await Promise.all([load('en'), lng === 'en' ? null : load(lng)]);
}

export const ft = (key: string, options: TOptions = {}) => t(`${NS}:${key}`, options);
