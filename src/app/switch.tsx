// This module is in the first load: keep it small, and import() what the first screen does not need.
/** The app's routes: the first path that fits the address renders, else the fallback. */
import type { ComponentType } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { match, useLocation } from '../ui/router';

/** `:slug` is the only parameter the app's paths name */
export type RouteParams = { params: { slug: string } };
export type RouteTable = [path: string, screen: ComponentType<RouteParams>][];

export function Switch({ routes, fallback: Fallback }: { routes: RouteTable; fallback: ComponentType }) {
  const { path, wasPush } = useLocation();
  const shown = useRef(path);
  useLayoutEffect(() => {
    // a link followed starts the new page at its top; back and forward keep where the browser puts them
    if (shown.current !== path && wasPush) scrollTo(0, 0);
    shown.current = path;
  }, [path]);
  for (const [pattern, Screen] of routes) {
    const params = match(path, pattern);
    if (params) return <Screen params={params as RouteParams['params']} />;
  }
  return <Fallback />;
}
