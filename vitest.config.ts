import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { databaseTests, SQLITE_ONLY } from './tests/support/database-tests.mjs';

/**
 * Unit tests run on SQLite (the default), and those that touch a database run again on a real PostgreSQL
 * cluster started for the run, so every server test holds on both databases (`tests/support/app.ts` picks the
 * database per project). Which files touch one is read from their imports (`tests/support/database-tests.ts`).
 */
/** Files that mostly wait on other processes (npm ci compiling better-sqlite3): started first, beside the rest. */
const FIRST = ['tests/unit/production-install.unit.test.ts'];

class WaitingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => FIRST.some((p) => f.moduleId.endsWith(p));
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
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
      { extends: true, test: { name: 'sqlite', include: ['tests/unit/**/*.unit.test.ts', 'src/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: databaseTests(import.meta.dirname),
          exclude: SQLITE_ONLY,
          globalSetup: ['./tests/support/pg-global-setup.ts'],
        },
      },
    ],
  },
});
