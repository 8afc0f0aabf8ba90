/**
 * Uploads a bundle's sealed attachments in resumable chunks addressed by sha256 (DESIGN.md, sync protocol
 * point 3). The server is the truth about how much arrived: each upload first asks it, then sends the rest,
 * so a cut connection resumes where it stopped instead of starting again.
 */
import type { OutboxRepo } from '../db/outbox';
import { type AttachmentState, SYNC_LIMITS } from '../shared/protocol';

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string } | null,
  ) {
    super(`HTTP ${status}`);
  }
}

async function answer(res: Response): Promise<AttachmentState> {
  if (!res.ok) throw new UploadError(res.status, await res.json().catch(() => null));
  return (await res.json()) as AttachmentState;
}

/**
 * Attachments this page has seen complete on the server, so a batch retried after a failure does not send
 * their bytes again (after a reload the first PUT finds out, at the cost of one request).
 */
const completed = new Set<string>();

export async function uploadAttachment(
  f: typeof fetch,
  token: string,
  outbox: OutboxRepo,
  sha256: string,
  chunkBytes: number = SYNC_LIMITS.chunkBytes,
): Promise<void> {
  if (completed.has(sha256)) return;
  const rec = await outbox.attachment(sha256);
  if (!rec) return;
  const url = `/api/sync/attachments/${sha256}`;
  const auth = { Authorization: `Bearer ${token}` };
  const bytes = new Uint8Array(rec.bytes);
  // start at 0 without asking: if the server holds some already it answers 409, and we ask where to resume
  let state: AttachmentState = { sha256, received: 0, complete: false };
  for (let guard = 0; !state.complete && guard < 10_000; guard++) {
    const offset = state.received;
    const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes));
    const res = await f(`${url}?offset=${offset}&size=${bytes.length}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      body: new Blob([chunk]),
    });
    if (res.status === 409) {
      // the server holds a different amount than we thought (a lost answer): ask again and resume there
      state = await answer(await f(url, { headers: auth }));
      continue;
    }
    state = await answer(res);
  }
  if (state.complete) completed.add(sha256);
}

/**
 * Uploads for one sync run, shared by hash: the engine asks for the next batch's attachments while the
 * current batch is on the wire, and asks again (for the same hashes) before sending that batch; a hash
 * already on its way is not sent twice. A failed upload is forgotten, so asking again tries again.
 */
export class Uploads {
  private readonly inflight = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(
    private readonly upload: (sha: string) => Promise<void>,
    private readonly parallel = 4,
  ) {}

  /** Resolves when every one of these attachments is on the server; throws the first failure. */
  ensure(hashes: string[]): Promise<void> {
    const mine = [...new Set(hashes)].map((sha) => {
      let p = this.inflight.get(sha);
      if (!p) {
        p = this.limited(() => this.upload(sha));
        this.inflight.set(sha, p);
        p.catch(() => this.inflight.delete(sha));
      }
      return p;
    });
    return Promise.all(mine).then(() => undefined);
  }

  /** Starts these uploads in the background; a failure shows when `ensure` asks for them. */
  prefetch(hashes: string[]): void {
    this.ensure(hashes).catch(() => {});
  }

  /** A few at a time: their requests' latency overlaps, without flooding a slow connection. */
  private async limited(run: () => Promise<void>): Promise<void> {
    while (this.active >= this.parallel) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.active++;
    try {
      await run();
    } finally {
      this.active--;
      this.waiters.shift()?.();
    }
  }
}
