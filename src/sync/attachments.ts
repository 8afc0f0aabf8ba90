/**
 * Uploads a bundle's sealed attachments in resumable chunks addressed by sha256 (DESIGN.md, sync protocol
 * point 3). The server is the truth about how much arrived: each upload first asks it, then sends the rest,
 * so a cut connection resumes where it stopped instead of starting again.
 */
import type { OutboxRepo } from '../db/outbox';
import { isDueRefused } from '../db/queue';
import type { OutboxRecord, Sealed } from '../db/schema';
import { type AttachmentState, SYNC_LIMITS } from '../shared/protocol';
import { type HttpStatusError, refusal } from './wire';

/** The server refused an upload in a way that asking again at once cannot change: its bundle needs attention. */
export interface Refusal {
  reason: string;
}

/** How long a bundle with a refused upload waits before it goes again: doubling from 5 minutes, at most a day. */
export function refusalDelay(attempts: number): number {
  return Math.min(24 * 3600_000, 5 * 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Bundles held for a refused upload whose wait is over: they go again with the waiting ones. */
export async function dueRefused(outbox: OutboxRepo, now = new Date()): Promise<OutboxRecord[]> {
  const at = now.toISOString();
  return (await outbox.attention()).filter((r) => isDueRefused(r, at));
}

async function answer(res: Response): Promise<AttachmentState> {
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as AttachmentState;
}

/**
 * Attachments this page has seen complete on the server, so a batch retried after a failure does not send
 * their bytes again (after a reload the first PUT finds out, at the cost of one request).
 */
const completed = new Set<string>();

/** Whether this page has seen the attachment complete on the server. */
export const onServer = (sha256: string): boolean => completed.has(sha256);
/** The server took a batch that carried this attachment inside it: it is complete there. */
export const tookInline = (sha256: string): void => {
  completed.add(sha256);
};

const NO_WAY_ON = 'The server would not take a photo or recording of this answer where it was sent.';

/** Sends what the server lacks of one attachment; a refusal that retrying cannot heal comes back, not thrown. */
export async function uploadAttachment(
  f: typeof fetch,
  token: string,
  outbox: OutboxRepo,
  sha256: string,
  chunkBytes: number = SYNC_LIMITS.chunkBytes,
  /** the sealed bytes, when already read (with their page of the queue) */
  read?: Sealed,
): Promise<Refusal | null> {
  if (completed.has(sha256)) return null;
  const sealed = read ?? (await outbox.attachment(sha256))?.bytes;
  if (!sealed) return null;
  const url = `/api/sync/attachments/${sha256}`;
  const auth = { Authorization: `Bearer ${token}` };
  // each chunk is a slice of the stored Blob: the browser sends it from its file, not through this page
  const bytes = sealed instanceof Blob ? sealed : new Blob([sealed]);
  // start at 0 without asking: if the server holds some already it answers 409, and we ask where to resume
  let state: AttachmentState = { sha256, received: 0, complete: false };
  // each round sends a chunk or learns where to resume: more rounds than that means no way forward
  const rounds = 2 * Math.ceil(bytes.size / chunkBytes) + 4;
  for (let round = 0; !state.complete; round++) {
    if (round >= rounds) return { reason: NO_WAY_ON };
    const offset = state.received;
    const res = await f(`${url}?offset=${offset}&size=${bytes.size}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      // the whole Blob when it is one chunk: a slice is one more blob for the browser to make
      body: offset === 0 && bytes.size <= chunkBytes ? bytes : bytes.slice(offset, Math.min(bytes.size, offset + chunkBytes)),
    });
    if (res.status === 409) {
      const body = (await res.json().catch(() => null)) as HttpStatusError['body'];
      // anything but "resume elsewhere" (e.g. another size on record) will be refused again at once
      if (body?.error !== 'wrong_offset') return { reason: body?.message ?? NO_WAY_ON };
      // the server holds a different amount than we thought (a lost answer): ask again and resume there
      state = await answer(await f(url, { headers: auth }));
      if (!state.complete && (state.received === offset || state.received > bytes.size)) return { reason: body.message ?? NO_WAY_ON };
      continue;
    }
    state = await answer(res);
  }
  completed.add(sha256);
  return null;
}

/**
 * Uploads for one sync run, shared by hash: the engine asks for the next batch's attachments while the
 * current batch is on the wire, and asks again (for the same hashes) before sending that batch; a hash
 * already on its way is not sent twice. A failed upload is forgotten, so asking again tries again.
 */
export class Uploads {
  private readonly inflight = new Map<string, Promise<Refusal | null>>();
  /** sealed bytes already read, by hash, until their upload starts */
  private readonly read = new Map<string, Sealed>();
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(
    private readonly upload: (sha: string, read?: Sealed) => Promise<Refusal | null>,
    private readonly parallel = 4,
  ) {}

  /**
   * Resolves when every one of these attachments is on the server or refused (the refusals, by hash); throws
   * the first failure. A refused one is not tried again in this run.
   */
  async ensure(hashes: string[]): Promise<Map<string, Refusal>> {
    const shas = [...new Set(hashes)];
    const mine = shas.map((sha) => {
      let p = this.inflight.get(sha);
      if (!p) {
        p = this.limited(() => {
          const read = this.read.get(sha);
          this.read.delete(sha);
          return this.upload(sha, read);
        });
        this.inflight.set(sha, p);
        p.catch(() => this.inflight.delete(sha));
      }
      return p;
    });
    const results = await Promise.all(mine);
    return new Map(shas.flatMap((sha, i) => (results[i] ? [[sha, results[i]] as const] : [])));
  }

  /**
   * Starts these uploads in the background; a failure shows when `ensure` asks for them. `read`: bytes of
   * some of them already read, kept only until their upload starts.
   */
  prefetch(hashes: string[], read: Map<string, Sealed> = new Map()): void {
    for (const [sha, bytes] of read) if (!this.inflight.has(sha)) this.read.set(sha, bytes);
    this.ensure(hashes).catch(() => {});
  }

  /** A few at a time: their requests' latency overlaps, without flooding a slow connection. */
  private async limited<T>(run: () => Promise<T>): Promise<T> {
    while (this.active >= this.parallel) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.active++;
    try {
      return await run();
    } finally {
      this.active--;
      this.waiters.shift()?.();
    }
  }
}
