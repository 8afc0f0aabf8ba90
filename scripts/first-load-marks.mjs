// Every module of src/ that the built entry pulls in statically (the entry script and its module preloads,
// read from their source maps) carries FIRST_LOAD_MARK as its first line, and no other module does: the
// mark tells whoever edits the module that every page pays for what it imports.
import fs from 'node:fs';
import path from 'node:path';

export const FIRST_LOAD_MARK = '// This module is in the first load: keep it small, and import() what the first screen does not need.';

/** Lists what is wrong with the marks (empty when they match the build in dist/). */
export function firstLoadMarkProblems() {
  const html = fs.readFileSync('dist/index.html', 'utf8');
  const chunks = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => path.join('dist', m[1]));
  const inFirstLoad = new Set(
    chunks
      // vite's own helpers have no map, and no module of src/
      .filter((c) => fs.existsSync(`${c}.map`))
      .flatMap((c) =>
        JSON.parse(fs.readFileSync(`${c}.map`, 'utf8')).sources.map((s) => path.relative('.', path.resolve(path.dirname(c), s))),
      )
      .filter((s) => s.startsWith(`src${path.sep}`)),
  );
  const marked = fs
    .readdirSync('src', { recursive: true })
    .map((f) => path.join('src', f))
    .filter((f) => /\.tsx?$/.test(f) && fs.readFileSync(f, 'utf8').startsWith(FIRST_LOAD_MARK));
  return [
    ...[...inFirstLoad].filter((f) => !marked.includes(f)).map((f) => `${f} is in the first load: make its first line the mark`),
    ...marked.filter((f) => !inFirstLoad.has(f)).map((f) => `${f} is no longer in the first load: remove the mark`),
  ];
}
