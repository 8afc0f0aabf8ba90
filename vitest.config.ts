import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { databaseTests, SQLITE_ONLY } from './tests/support/database-tests.mjs';

/**
 * Unit tests that touch a database run twice: on SQLite (the default) and on a real PostgreSQL cluster started
 * for the run, so every server test holds on both databases (`tests/support/app.ts` picks the database per
 * project). Which files touch one is read from their imports (`tests/support/database-tests.mjs`); the rest
 * (device, IndexedDB, crypto, i18n, pure functions) run once, in the `no-db` project.
 */
const ALL = ['tests/unit/**/*.unit.test.ts', 'src/**/*.unit.test.ts'];
const onDatabase = databaseTests(import.meta.dirname);

/**
 * The longest files start first, so the rest of the suite runs beside them and none is left running alone at the
 * end: the production install (mostly npm ci compiling better-sqlite3 in another process) and the fuzz suite.
 * Otherwise vitest's own order: one project after another, longest first when it has timings from a past run.
 */
const FIRST = ['tests/unit/production-install.unit.test.ts', 'tests/unit/fuzz.unit.test.ts'];

class WaitingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // with a seed (--sequence.seed=N alone: files only; --sequence.shuffle: tests too) the files run in an order
    // drawn from it, to show that no file depends on another
    const { seed } = this.ctx.config.sequence;
    const sorted = seed === undefined ? await super.sort(files) : shuffled(files, seed);
    const rank = (f: TestSpecification) => FIRST.findIndex((p) => f.moduleId.endsWith(p));
    const first = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...first, ...sorted.filter((f) => rank(f) < 0)];
  }
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // vitest's default leaves one core to itself, so a 2-core machine ran one file at a time while the
    // production install, the PostgreSQL server and vitest's own transforms left that worker's core idle
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    sequence: { sequencer: WaitingFirst },
    projects: [
      // Server files share their worker's modules (fastify, kysely, our server): every test starts its own app on
      // its own database, so nothing else carries over, and importing the server once per worker halves their time.
      { extends: true, test: { name: 'sqlite', include: onDatabase, isolate: false } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: onDatabase,
          exclude: SQLITE_ONLY,
          isolate: false,
          globalSetup: ['./tests/support/pg-global-setup.ts'],
        },
      },
      // fake-indexeddb, the device's database handle, i18next and stubbed globals live in modules: a fresh set per file
      { extends: true, test: { name: 'no-db', include: ALL, exclude: onDatabase } },
    ],
  },
});
