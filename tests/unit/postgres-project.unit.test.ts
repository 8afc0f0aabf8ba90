/**
 * vitest's postgres project runs only the unit test files that touch a database, found by following their
 * imports to a database driver. A file that starts an app or opens a database must be among them, or its
 * server code would go untested on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseTests, SQLITE_ONLY, valueImports } from '../support/database-tests.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const onPostgres = databaseTests(root);
const unitFiles = fs.readdirSync(path.join(root, 'tests/unit')).filter((f) => f.endsWith('.unit.test.ts'));
/** the ways a test gets a database: an app on one, or one of its own */
const OPENS = /\b(startTestApp|openDatabase|createDatabase)\(|new (Kysely|SQLite)\b/;

describe('the postgres project', () => {
  it('runs every unit test file that starts an app or opens a database, but the SQLite-only ones', () => {
    const opening = unitFiles.map((f) => `tests/unit/${f}`).filter((f) => OPENS.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(opening.length).toBeGreaterThan(30);
    const missing = opening.filter((f) => !onPostgres.includes(f) && !SQLITE_ONLY.includes(f));
    expect(missing).toEqual([]);
  });

  it('leaves out files that never reach a database driver', () => {
    for (const f of ['money', 'outbox', 'plurals', 'insight-suppress']) expect(onPostgres).not.toContain(`tests/unit/${f}.unit.test.ts`);
    expect(onPostgres).toContain('tests/unit/fuzz.unit.test.ts');
  });

  it('follows value imports, dynamic ones too, and not type-only ones', () => {
    const driver = 'pg'; // not written out, so this file's own text does not import it
    const source = [
      "import { a, type B } from './values';",
      "import type { C } from './types-a';",
      "import { type D, type E } from './types-b';",
      "export { f } from './reexport';",
      "import 'side-effect';",
      `const pg = await import('${driver}');`,
    ].join('\n');
    expect(valueImports(source)).toEqual(['./values', './reexport', 'side-effect', 'pg']);
  });
});
