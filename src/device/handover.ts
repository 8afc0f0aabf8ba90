// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * Hand-over (DESIGN.md): the facilitator gives the device to one participant. Every way of doing so (Start
 * with a participant, a session's hand-over, Claim expenses only, a typed address) starts one; it ends at
 * Done, Start again (the next participant gets a new hand-over at once, so the device stays in participant
 * mode) or when the facilitator leaves with the PIN. While one is open, only its own pages are reachable.
 * Stored in `meta`, so a reload, a crash or a camera app that reloads the page keeps the device locked.
 * The participant's state and draft are import()ed by the actions: a page that only reads `handOver` (a new
 * browser's home) does not load them.
 */

const steps = () => import('./handover-steps');

import { getMeta, setMeta } from '../db/meta';
import { signal } from '../shared/signal';

export type HandOverKind = 'journey' | 'claim';

export interface HandOver {
  /** also the id of its draft: a draft is restored only into the hand-over that made it */
  id: string;
  slug: string;
  kind: HandOverKind;
  startedAt: string;
  /** the engagement's default language, which the next participant's start page shows */
  defaultLocale: string;
}

/** undefined until read from the device; null when the device is with the facilitator */
export const handOver = signal<HandOver | null | undefined>(undefined);

const META = 'handOver';

export async function loadHandOver(): Promise<void> {
  handOver.value = (await getMeta<HandOver>(META)) ?? null;
}

export function pathOf(h: Pick<HandOver, 'slug' | 'kind'>): string {
  return h.kind === 'claim' ? `/claim/${h.slug}` : `/p/${h.slug}`;
}

/** Gives the device to a participant. `id`: resume an abandoned draft's hand-over with the same person. */
export async function startHandOver(
  slug: string,
  kind: HandOverKind,
  defaultLocale: string,
  id: string = crypto.randomUUID(),
): Promise<HandOver> {
  await (await steps()).resetParticipant(defaultLocale);
  const h: HandOver = { id, slug, kind, startedAt: new Date().toISOString(), defaultLocale };
  handOver.value = h;
  // a full device cannot store even this small record: participant mode then holds until a reload (the
  // facilitator already sees that the device is full), rather than the participant being turned away
  await setMeta(META, h).catch(() => {});
  return h;
}

/** The participant finished or started again: their draft goes, and the device is ready for the next person. */
export async function nextParticipant(): Promise<void> {
  const h = handOver.value;
  if (!h) return;
  const { stopAutosave, deleteDraft } = await steps();
  await stopAutosave(false);
  await deleteDraft(h.id);
  await startHandOver(h.slug, h.kind, h.defaultLocale);
}

/** The facilitator left participant mode with the PIN: the draft stays, offered back behind the PIN. */
export async function endHandOver(): Promise<void> {
  const h = handOver.value;
  await (await steps()).stopAutosave(true);
  handOver.value = null;
  await setMeta(META, null).catch(() => {});
  if (h) await (await steps()).resetParticipant(h.defaultLocale);
}
