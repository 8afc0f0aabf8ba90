// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The screens a first load may open, each its own chunk: a participant's page never loads the facilitator's
 * home, nor a new browser's welcome the journey. The boot starts fetching the one its address shows
 * (`preloadFor`) while it reads the device, so the chunk does not wait for the first render.
 */
import type { ComponentType } from 'preact';
import { Loading } from '../ui/Loading';
import { lazy } from '../ui/router';

/** A route's screen, import()ed when first shown. */
export const screen = <P>(load: () => Promise<ComponentType<P>>) => lazy(load, Loading);

export const Welcome = screen(() => import('../features/facilitate/Welcome').then((m) => m.Welcome));
export const Home = screen(() => import('../features/facilitate/Home').then((m) => m.Home));
export const Journey = screen(() => import('../features/participate/Journey').then((m) => m.Journey));

export function preloadFor(path: string): void {
  if (path.startsWith('/p/') || path.startsWith('/paper/')) void Journey.preload();
  else if (path === '/') void Welcome.preload();
}
