/** Choosing languages quickly (arrow keys through the list): the last choice wins, whichever loads last. */
import i18next from 'i18next';
import { beforeAll, expect, it, vi } from 'vitest';
import { chosenLocale, locale, setLocale } from '../../src/i18n/index';

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: 'en', dir: 'ltr' } });
  await i18next.init({ lng: 'en', resources: { en: { common: {} } } });
});

it('a language chosen while an earlier choice still loads is the one that stays', async () => {
  let arrive: (v: Response) => void = () => {};
  // Polish is slow to arrive; English is already here
  vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (arrive = resolve)));
  const polish = setLocale('pl');
  await setLocale('en');
  expect(locale.value).toBe('en');
  arrive(new Response(JSON.stringify({ hello: 'Cześć' }), { status: 200 }));
  await polish;
  expect([locale.value, document.documentElement.lang, i18next.language]).toEqual(['en', 'en', 'en']);
});

it('the language asked for shows as chosen while it loads, and goes back if its words never arrive', async () => {
  let arrive: (v: Response) => void = () => {};
  vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (arrive = resolve)));
  const arabic = setLocale('ar');
  // chosen at once (a re-render meanwhile keeps the radio where the arrow key put it), not yet in use
  expect([chosenLocale.value, locale.value]).toEqual(['ar', 'en']);
  arrive(new Response(JSON.stringify({ hello: 'مرحبا' }), { status: 200 }));
  await arabic;
  expect([chosenLocale.value, locale.value]).toEqual(['ar', 'ar']);

  vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
  await expect(setLocale('ur')).rejects.toThrow('Could not load ur/common');
  expect([chosenLocale.value, locale.value]).toEqual(['ar', 'ar']);
});
