/**
 * Background jobs (retention purges and the like) that must run once per period however many instances
 * are up: before running, an instance takes the job's lease in the database with one conditional update;
 * only the instance whose update matched runs it. A crashed holder's lease simply expires.
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';

export interface Job {
  name: string;
  /** how often it is due, ms */
  everyMs: number;
  run(now: Date): Promise<string | undefined>;
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  readonly holder = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly jobs: Job[],
    private readonly log: (msg: string) => void = () => {},
  ) {}

  /** Runs every due job whose lease this instance wins; returns the names it ran. */
  async tick(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const t = now.getTime();
      await this.db
        .insertInto('job_leases')
        .values({ name: job.name, holder: null, lease_until: 0, last_run_at: null, last_result: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const won = await this.db
        .updateTable('job_leases')
        .set({ holder: this.holder, lease_until: t + job.everyMs })
        .where('name', '=', job.name)
        .where('lease_until', '<=', t)
        .executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) continue;
      try {
        const result = (await job.run(now)) ?? 'ok';
        await this.db
          .updateTable('job_leases')
          .set({ last_run_at: now.toISOString(), last_result: result })
          .where('name', '=', job.name)
          .execute();
        ran.push(job.name);
      } catch (e) {
        // let another attempt happen soon rather than after a whole period
        await this.db
          .updateTable('job_leases')
          .set({ lease_until: t + Math.min(job.everyMs, 60_000), last_result: `failed: ${e instanceof Error ? e.message : String(e)}` })
          .where('name', '=', job.name)
          .execute();
        this.log(`job ${job.name} failed`);
      }
    }
    return ran;
  }

  start(intervalMs = 60_000): void {
    const loop = () => {
      this.tick().catch(() => this.log('job tick failed'));
    };
    this.timer = setInterval(loop, intervalMs);
    this.timer.unref();
    loop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
