// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * During a hand-over only its own pages are reachable: anything else shows the way back and the
 * facilitator's PIN (HandOverPin, import()ed: most pages never show it).
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { applyFacilitatorLanguage } from '../../device/facilitator';
import { type HandOver, handOver, pathOf } from '../../device/handover';
import { lazy } from '../../ui/router';

const Gate = lazy(() => import('./HandOverPin').then((m) => m.Gate));

/** During a hand-over, anything but the participant's own pages shows the gate. */
export function HandOverGate({ path, children }: { path: string; children: ComponentChildren }) {
  const open = handOver.value;
  if (open === undefined) return null;
  if (open && !reachable(open, path)) return <Gate open={open} />;
  return <>{children}</>;
}

function reachable(open: HandOver, path: string): boolean {
  return path === pathOf(open) || path === '/lookup' || path === '/credits' || path.startsWith('/feedback/');
}

/** Wraps every facilitator screen: in the facilitator's language. */
export function FacilitatorOnly({ children }: { children: ComponentChildren }) {
  useEffect(() => void applyFacilitatorLanguage(), []);
  return <>{children}</>;
}
