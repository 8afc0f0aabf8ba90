/**
 * The page of a hand-over (the journey, a claim on its own) or of a paper form: puts the device in
 * participant mode for it (a typed address too), restores the hand-over's own draft, and keeps it saved.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from '../ui/router';
import { loadDraft, restoreDraft, startAutosave, stopAutosave } from './draft';
import { type HandOverKind, handOver, nextParticipant, pathOf, startHandOver } from './handover';
import { resetParticipant, step } from './participant';

/** `defaultLocale`: null until the engagement is read. Returns whether the page may show. */
export function useHandOverPage(slug: string, kind: HandOverKind | 'paper', defaultLocale: string | null): boolean {
  const [ready, setReady] = useState(false);
  const { route } = useLocation();
  const openId = handOver.value?.id;
  useEffect(() => {
    if (!defaultLocale) return;
    let live = true;
    let ownerId: string | null = null;
    setReady(false);
    void (async () => {
      if (kind === 'paper') {
        ownerId = `paper:${slug}`;
      } else {
        const open = handOver.value;
        // another hand-over is open: its page is the only one a participant may be on
        if (open && (open.slug !== slug || open.kind !== kind)) return route(pathOf(open), true);
        ownerId = (open ?? (await startHandOver(slug, kind, defaultLocale))).id;
        if (!open) return; // the new hand-over re-runs this effect
      }
      const draft = await loadDraft(ownerId);
      if (!live) return;
      if (draft) await restoreDraft(draft);
      else if (kind === 'paper') await resetParticipant(defaultLocale);
      if (!live) return;
      startAutosave({ id: ownerId, slug, kind, defaultLocale });
      setReady(true);
    })();
    return () => {
      live = false;
      if (ownerId) void stopAutosave(true, ownerId);
    };
  }, [slug, kind, defaultLocale, openId]);
  // leaving the Done page by one of its links ends the participant's turn: the next person starts afresh
  useEffect(
    () => () => {
      if (step.value.kind !== 'done') return;
      if (kind === 'paper') void resetParticipant(defaultLocale ?? 'en');
      else void nextParticipant();
    },
    [],
  );
  return ready;
}
