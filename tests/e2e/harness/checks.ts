import { expect } from '@playwright/test';
import type { RunningServer } from '../../support/server-process';

/** Exactly these bundles on the server, opened (the opener runs just after each acknowledged batch). */
export async function expectServerBundles(server: RunningServer, ids: string[]): Promise<void> {
  const sorted = [...ids].sort();
  await expect
    .poll(() => server.query<{ id: string }>('select id from bundles order by id').map((r) => r.id), { timeout: 15_000 })
    .toEqual(sorted);
  expect(server.query<{ id: string }>("select id from inbox where state <> 'opened' order by id")).toEqual([]);
}

/** How many POSTed batches named each bundle id. */
export function countSends(bodies: string[]): Map<string, number> {
  const sends = new Map<string, number>();
  for (const b of bodies)
    for (const item of (JSON.parse(b) as { items: { id: string }[] }).items) sends.set(item.id, (sends.get(item.id) ?? 0) + 1);
  return sends;
}
