// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * A lazy screen's own stylesheet, imported with `?url` and added when its module loads; whoever import()s such
 * a screen waits for `stylesLoaded` before showing it, so it never shows unstyled. (A plain CSS import does the
 * same through Vite's preload helper, which would then be in every page's first load.)
 */
const pending = new Set<Promise<void>>();
const added = new Set<string>();

export function addStyles(href: string): void {
  if (added.has(href)) return;
  added.add(href);
  const loaded = new Promise<void>((done) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = link.onerror = () => done();
    document.head.append(link);
  });
  pending.add(loaded);
  void loaded.then(() => pending.delete(loaded));
}

/** Passes `m` on once every stylesheet added so far has loaded: `import('./Screen').then(stylesLoaded)`. */
export async function stylesLoaded<T>(m: T): Promise<T> {
  await Promise.all(pending);
  return m;
}
