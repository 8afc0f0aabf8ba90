/**
 * Seeded bundles for the insight tests: 5 sessions at 5 venues, 3 languages, both formats, three input
 * methods, monitoring with some small groups (to exercise suppression) and some contacts; the truth is
 * counted here independently of the server's code.
 */
import type { Answer, BundlePayload } from '../../src/shared/bundle';
import type { PublishedEngagement } from '../../src/shared/engagement';
import type { SyncItem } from '../../src/shared/protocol';
import { sealedItem } from './bundles';

export const SESSIONS = ['s-1', 's-2', 's-3', 's-4', 's-5'];
export const VENUES = ['Govanhill Library', 'Partick Community Centre', 'Leith Food Bank', 'Govanhill Baths', 'Dundee Day Centre'];
export const AREAS = ['G42', 'G11', 'EH6', 'G42', 'DD1'];
const LOCALES = ['en', 'pl', 'ar'];
const MOST = ['hours', 'computers', 'children', 'space'];
const SERVICES = ['books', 'wifi', 'groups', 'advice'];
const METHODS = ['self', 'helped', 'paper'] as const;

export function seededPayload(i: number): Partial<BundlePayload> & { place: { venue: string; area: string } } {
  const s = i % 5;
  // two days in summer time: 23:30Z is already the next day in Europe/London
  const createdAt = new Date(Date.UTC(2026, 5, 1 + (i % 4), i % 8 === 0 ? 23 : 10, 30)).toISOString();
  const answers: Record<string, Answer> = {
    visit: i % 11 === 0 ? { skipped: true } : { yesno: (['yes', 'no', 'not_sure'] as const)[i % 3] as 'yes' },
    feel: { face: (i % 5) + 1 },
    most: { choice: MOST[i % 4] as string },
    services: { choices: SERVICES.filter((_, k) => (i + k) % 3 === 0) },
  };
  if (i % 4 === 0) answers.else = { text: `More seats please, number ${i}` };
  if (i % 4 === 1) answers.else = { text: i % 8 === 1 ? '=HYPERLINK("x") longer opening hours' : 'Longer opening hours' };
  const gender = i % 100 === 7 ? 'non_binary' : i % 10 < 5 ? 'woman' : i % 10 < 9 ? 'man' : 'prefer_not';
  return {
    sessionId: SESSIONS[s] as string,
    place: { venue: VENUES[s] as string, area: AREAS[s] as string },
    createdAt,
    locale: LOCALES[i % 3] as string,
    format: i % 2 === 0 ? 'standard' : 'easy',
    inputMethod: METHODS[(i % 7) % 3] as 'self',
    answers,
    monitoring: i % 3 === 2 ? undefined : { gender, disability: i % 4 === 0 ? 'yes' : 'no', ageBand: i % 50 === 0 ? '75_plus' : '25_34' },
    ...(i % 25 === 0 ? { contact: { name: `Person ${i}`, email: `person${i}@example.org` } } : {}),
  };
}

export async function seededItems(
  engagement: PublishedEngagement,
  n: number,
): Promise<{ items: SyncItem[]; payloads: ReturnType<typeof seededPayload>[] }> {
  const payloads = Array.from({ length: n }, (_, i) => seededPayload(i));
  const items = await Promise.all(payloads.map((p) => sealedItem(engagement, p as Partial<BundlePayload>)));
  return { items, payloads };
}

const tally = (keys: string[]) => {
  const m: Record<string, number> = {};
  for (const k of keys) m[k] = (m[k] ?? 0) + 1;
  return m;
};

/** The seeded truth, counted without the server's code. */
export function truth(payloads: ReturnType<typeof seededPayload>[]) {
  const london = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  const answers = payloads.map((p) => p.answers as Record<string, Answer & Record<string, unknown>>);
  const count = (q: string, f: (a: Record<string, unknown>) => string[]) =>
    tally(answers.flatMap((a) => (a[q] && !('skipped' in (a[q] as object)) ? f(a[q] as Record<string, unknown>) : [])));
  return {
    total: payloads.length,
    bySession: tally(payloads.map((p) => p.sessionId as string)),
    byLocale: tally(payloads.map((p) => p.locale as string)),
    byFormat: tally(payloads.map((p) => p.format as string)),
    byInputMethod: tally(payloads.map((p) => p.inputMethod as string)),
    overTime: tally(payloads.map((p) => london(p.createdAt as string))),
    byVenue: tally(payloads.map((p) => p.place.venue)),
    visit: count('visit', (a) => [a.yesno as string]),
    visitSkipped: answers.filter((a) => a.visit && 'skipped' in a.visit).length,
    feel: count('feel', (a) => [String(a.face)]),
    most: count('most', (a) => [a.choice as string]),
    services: count('services', (a) => a.choices as string[]),
    freeText: answers.filter((a) => a.else).length,
    gender: tally(
      payloads.map((p) => {
        const g = (p.monitoring as { gender?: string } | undefined)?.gender;
        return !g || g === 'prefer_not' ? 'not_stated' : g;
      }),
    ),
    contacts: payloads.filter((p) => p.contact).length,
  };
}

/** Sends items through the real sync endpoint in batches, as a device does (the server opens them after). */
export async function sendThroughSync(post: (body: unknown) => Promise<{ status: number; json: () => unknown }>, items: SyncItem[]) {
  for (let i = 0; i < items.length; i += 200) {
    const res = await post({ items: items.slice(i, i + 200) });
    const body = res.json() as { results: { status: string }[] };
    if (res.status !== 200 || body.results.some((r) => r.status !== 'stored'))
      throw new Error(`sync failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}
