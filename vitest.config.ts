import { defineConfig } from 'vitest/config';

/**
 * Unit tests run twice: on SQLite (the default) and on a real PostgreSQL cluster started for the run, so
 * every server test holds on both databases (`tests/support/app.ts` picks the database per project).
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/unit/**/*.unit.test.ts', 'src/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/unit/**/*.unit.test.ts'],
          // SQLite's own backup API; PostgreSQL is backed up with pg_dump. The production install runs once.
          exclude: ['tests/unit/backup.unit.test.ts', 'tests/unit/production-install.unit.test.ts'],
          globalSetup: ['./tests/support/pg-global-setup.ts'],
        },
      },
    ],
  },
});
