/**
 * A relaxed transaction (src/server/db/relaxed.ts) commits without waiting for the disk, and only it: the
 * setting is back the moment it ends (a failure included), and a transaction that waits behind it, such as a
 * batch whose acknowledgement rests on its commit, commits at full durability. Runs on SQLite here and on
 * PostgreSQL in vitest's postgres project.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/index';
import { relaxedTransaction } from '../../src/server/db/relaxed';
import type { DB } from '../../src/server/db/schema';
import { pgUrl } from '../support/app';
import { createDatabase } from '../support/pg';

let database: Database;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-relaxed-'));
  const cluster = pgUrl();
  const databaseUrl = cluster ? await createDatabase(cluster) : undefined;
  database = await openDatabase({ dataDir, databaseUrl });
  if (database.dialect === 'postgres') {
    // the test cluster commits relaxed throughout, for speed: this database commits as production does
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
    await sql`alter database ${sql.id(rows[0]?.name ?? '')} set synchronous_commit = on`.execute(database.db);
    await database.close();
    database = await openDatabase({ dataDir, databaseUrl });
  }
});

afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** How the connection that runs `q` commits: 'full' (waits for the disk) or 'relaxed'. */
async function durability(q: Kysely<DB>): Promise<'full' | 'relaxed'> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(q);
    // 2 = FULL, 1 = NORMAL
    return Number(rows[0]?.synchronous) >= 2 ? 'full' : 'relaxed';
  }
  const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(q);
  return rows[0]?.synchronous_commit === 'off' ? 'relaxed' : 'full';
}

describe('relaxedTransaction', () => {
  it('commits relaxed inside, and full again once it ends', async () => {
    const db = database.db;
    expect(await durability(db)).toBe('full');
    const inside = await relaxedTransaction(db, async (tx) => {
      await tx.insertInto('job_leases').values(lease('relaxed-1')).execute();
      return durability(tx);
    });
    expect(inside).toBe('relaxed');
    expect(await durability(db)).toBe('full');
    // what it wrote is committed
    const row = await db.selectFrom('job_leases').select('name').where('name', '=', 'relaxed-1').executeTakeFirst();
    expect(row?.name).toBe('relaxed-1');
  });

  it('puts the setting back when it fails, and its writes roll back', async () => {
    const db = database.db;
    await expect(
      relaxedTransaction(db, async (tx) => {
        await tx.insertInto('job_leases').values(lease('relaxed-2')).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await durability(db)).toBe('full');
    expect(await db.selectFrom('job_leases').select('name').where('name', '=', 'relaxed-2').executeTakeFirst()).toBeUndefined();
  });

  it("inside a caller's transaction it is part of it: the caller's commit decides", async () => {
    const db = database.db;
    const inner = await db.transaction().execute((tx) => relaxedTransaction(tx, (t) => durability(t)));
    expect(inner).toBe('full');
  });

  it('a transaction started while a relaxed one runs commits full', async () => {
    const db = database.db;
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let entered = () => {};
    const inRelaxed = new Promise<void>((r) => {
      entered = r;
    });
    const relaxed = relaxedTransaction(db, async (tx) => {
      entered();
      await held;
      return durability(tx);
    });
    await inRelaxed;
    const other = db.transaction().execute(async (tx) => durability(tx));
    release();
    expect(await relaxed).toBe('relaxed');
    expect(await other).toBe('full');
  });
});

function lease(name: string) {
  return { name, holder: 'test', lease_until: Date.now() };
}
