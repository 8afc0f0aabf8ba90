/**
 * Test-only fault injection for the sync endpoint, OFF unless `BLETHER_FAULTS` is set. Comma-separated:
 *   kill-after-commit=N   the process kills itself (SIGKILL) after committing its Nth batch, before answering
 *   fail-500=N            the first N batch requests answer 500 without touching the database
 *   max-items=N           batches of more than N items answer 413, as a proxy with a small body limit would
 *   slow-batch=N          every batch it takes waits N ms before it is stored, as over a slow link
 * Never set it in production; the server logs a warning when it is set.
 */
export interface Faults {
  killAfterCommit: number;
  fail500: number;
  maxItems: number;
  slowBatchMs: number;
}

export function parseFaults(spec: string | undefined): Faults | null {
  if (!spec) return null;
  const f: Faults = { killAfterCommit: 0, fail500: 0, maxItems: 0, slowBatchMs: 0 };
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=');
    const n = Number(value ?? '1');
    if (!Number.isInteger(n) || n < 0) throw new Error(`BLETHER_FAULTS: bad number in "${part}"`);
    if (name === 'kill-after-commit') f.killAfterCommit = n;
    else if (name === 'fail-500') f.fail500 = n;
    else if (name === 'max-items') f.maxItems = n;
    else if (name === 'slow-batch') f.slowBatchMs = n;
    else throw new Error(`BLETHER_FAULTS: unknown fault "${name}"`);
  }
  return f;
}
