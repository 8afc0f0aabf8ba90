// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * The address as app state (what preact-iso's LocationProvider does, without what the app does not use): a
 * click on a same-origin link, Back and Forward, and `route()` change it without loading a page. `lazy` makes a
 * screen whose code is import()ed when it is first shown.
 */
import { type ComponentChildren, type ComponentType, createContext } from 'preact';
import { useContext, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';

export interface Location {
  url: string;
  /** without a trailing slash */
  path: string;
  query: Record<string, string>;
  route: (url: string, replace?: boolean) => void;
  /** the last change was a link followed or a route() call (not Back, Forward or a replace) */
  wasPush: boolean;
}

const Ctx = createContext<Location>(null as unknown as Location);
let push: boolean | undefined;

function navigate(url: string, action: Event | { url: string; replace?: boolean }): string {
  push = undefined;
  if (action instanceof MouseEvent) {
    // leave to the browser what it does itself: new tabs, downloads, other sites, fragments
    if (action.ctrlKey || action.metaKey || action.altKey || action.shiftKey || action.button !== 0) return url;
    const link = action.composedPath().find((el) => el instanceof HTMLAnchorElement && el.href) as HTMLAnchorElement | undefined;
    const href = link?.getAttribute('href') ?? '';
    if (!link || link.origin !== location.origin || href.startsWith('#') || !/^(_?self)?$/i.test(link.target) || link.download) return url;
    push = true;
    action.preventDefault();
    url = link.href.replace(location.origin, '');
  } else if (action instanceof Event) url = location.pathname + location.search;
  else {
    push = !action.replace;
    url = action.url;
  }
  if (push) history.pushState(null, '', url);
  else if (push === false) history.replaceState(null, '', url);
  return url;
}

export function LocationProvider({ children }: { children: ComponentChildren }) {
  const [url, go] = useReducer(navigate, location.pathname + location.search);
  const wasPush = push === true;
  const value = useMemo(() => {
    const u = new URL(url, location.origin);
    return {
      url,
      path: u.pathname.replace(/\/+$/, '') || '/',
      query: Object.fromEntries(u.searchParams),
      route: (to: string, replace?: boolean) => go({ url: to, replace }),
      wasPush,
    };
  }, [url]);
  useLayoutEffect(() => {
    addEventListener('click', go);
    addEventListener('popstate', go);
    return () => {
      removeEventListener('click', go);
      removeEventListener('popstate', go);
    };
  }, []);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLocation = () => useContext(Ctx);

/** The `:name` parameters of `path` if it fits `pattern` (a trailing `*` takes one or more segments), else null. */
export function match(path: string, pattern: string): Record<string, string> | null {
  const have = path.split('/').filter(Boolean);
  const want = pattern.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const [p, w] = [have[i], want[i]];
    if (w === '*') return p ? params : null;
    if (w?.startsWith(':') && p) params[w.slice(1)] = decodeURIComponent(p);
    else if (w !== p) return null;
  }
  return params;
}

/**
 * A screen whose code is import()ed the first time it shows (or on `preload()`); until then `placeholder`
 * shows (nothing by default: the update prompt, say, has nothing to say while it loads).
 */
export function lazy<P>(load: () => Promise<ComponentType<P>>, Placeholder?: ComponentType) {
  let screen: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () => {
    loading ??= load().then((c) => {
      screen = c;
    });
    return loading;
  };
  function Lazy(props: P & preact.JSX.IntrinsicAttributes) {
    const [, loaded] = useState(false);
    if (screen) {
      const Screen = screen as ComponentType<P>;
      return <Screen {...props} />;
    }
    void preload().then(() => loaded(true));
    return Placeholder ? <Placeholder /> : null;
  }
  return Object.assign(Lazy, { preload });
}
