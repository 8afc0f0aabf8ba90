// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The app's routes, matched as preact-iso's Router matches them (its `exec`): the first path that fits the
 * address renders, else the fallback. Router's own code (it keeps the old page while a lazy one loads) is
 * left out of the first load: the ErrorBoundary around the app does that for preact-iso's `lazy` screens.
 */
import type { ComponentType } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { exec } from 'preact-iso/router';

/** `:slug` is the only parameter the app's paths name */
export type RouteParams = { params: { slug: string } };
export type RouteTable = [path: string, screen: ComponentType<RouteParams>][];

export function Switch({ routes, fallback: Fallback }: { routes: RouteTable; fallback: ComponentType }) {
  const { path, wasPush } = useLocation() as ReturnType<typeof useLocation> & { wasPush?: boolean };
  const shown = useRef(path);
  useLayoutEffect(() => {
    // a link followed starts the new page at its top; back and forward keep where the browser puts them
    if (shown.current !== path && wasPush) scrollTo(0, 0);
    shown.current = path;
  }, [path]);
  for (const [pattern, Screen] of routes) {
    const match = exec(path, pattern);
    if (match) return <Screen params={match.params as RouteParams['params']} />;
  }
  return <Fallback />;
}
