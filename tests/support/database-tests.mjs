/**
 * Which unit test files touch a database, so vitest's postgres project runs exactly those again on PostgreSQL.
 * A test reaches a database only through a driver (better-sqlite3 or pg), so a file touches one when its imports,
 * followed through our own modules (static and dynamic, type-only ones left out), reach a driver. No list to keep:
 * a new test that starts an app (`tests/support/app.ts`) or opens a database is picked up by what it imports.
 */
import fs from 'node:fs';
import path from 'node:path';

/** SQLite's own backup API (PostgreSQL is backed up with pg_dump); the production install runs once. */
export const SQLITE_ONLY = ['tests/unit/backup.unit.test.ts', 'tests/unit/production-install.unit.test.ts'];

const DRIVERS = new Set(['better-sqlite3', 'pg']);
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
// `import x from 'm'`, `export { x } from 'm'`, `import 'm'`, `import('m')`; the braces' text decides type-only
const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:([\w*\s{},$]*?)\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The modules a source file imports for their values (type-only imports are erased, so they do not count). */
/** @param {string} source @returns {string[]} */
export function valueImports(source) {
  const found = [];
  for (const m of source.matchAll(IMPORT)) {
    const [, typeOnly, names, staticFrom, dynamicFrom] = m;
    if (dynamicFrom) found.push(dynamicFrom);
    else if (staticFrom && !typeOnly && !allTypes(names)) found.push(staticFrom);
  }
  return found;
}

/** @param {string | undefined} names */
function allTypes(names) {
  const braces = names?.trim().match(/^\{([^}]*)\}$/);
  const items = braces?.[1]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return !!items?.length && items.every((s) => s.startsWith('type '));
}

/** @param {string} from @param {string} spec */
function resolveRelative(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  return EXTENSIONS.map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/** Whether this file, or anything of ours it imports, imports a database driver. */
/** @param {string} file @param {Map<string, boolean>} memo @returns {boolean} */
export function reachesDatabase(file, memo = new Map()) {
  const known = memo.get(file);
  if (known !== undefined) return known;
  memo.set(file, false); // an import cycle adds nothing
  let reaches = false;
  for (const spec of valueImports(fs.readFileSync(file, 'utf8'))) {
    const own = spec.startsWith('.') ? resolveRelative(file, spec) : undefined;
    if (DRIVERS.has(spec) || (own && reachesDatabase(own, memo))) reaches = true;
  }
  memo.set(file, reaches);
  return reaches;
}

/** The unit test files (relative to `root`, as vitest globs) that touch a database. */
/** @param {string} root @param {string[]} [dirs] @returns {string[]} */
export function databaseTests(root, dirs = ['tests/unit', 'src']) {
  const memo = new Map();
  return dirs
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.unit.test.ts'))
        .map((f) => path.posix.join(dir, f.split(path.sep).join('/'))),
    )
    .filter((f) => reachesDatabase(path.join(root, f), memo))
    .sort();
}
