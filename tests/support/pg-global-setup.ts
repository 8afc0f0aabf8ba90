import type { TestProject } from 'vitest/node';
import { startPostgres } from './pg';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** The postgres project of vitest: one cluster for the run; each test app makes its own database in it. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
