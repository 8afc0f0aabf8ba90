import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { backupSqlite } from '../../src/server/backup';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/index';
import { loadServerKey } from '../../src/server/keys';
import { listPublished, VersionKeys } from '../../src/server/services/engagements';
import { openAll } from '../../src/server/services/opener';
import { startTestApp } from '../support/app';
import { sealedItem } from '../support/bundles';

// SQLite only: the postgres project excludes this file (PostgreSQL is backed up with pg_dump)
describe('backup and restore (SQLite)', () => {
  it('an online backup restores to a working server with every bundle and key', async () => {
    const s = await startTestApp();
    try {
      const items = [await sealedItem(s.engagement), await sealedItem(s.engagement)];
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/sync/batches',
        headers: { authorization: `Bearer ${s.token}` },
        payload: { items },
      });
      expect(res.statusCode).toBe(200);
      const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-backup-'));
      // taken while the server is running
      const { bytes } = await backupSqlite({ dataDir: s.dataDir, serverKey: undefined }, dest);
      expect(bytes).toBeGreaterThan(0);
      expect(fs.statSync(path.join(dest, 'blether.sqlite')).mode & 0o777).toBe(0o600);

      // restore: a new data folder holding only the backup
      const restored = await openDatabase({ dataDir: dest, databaseUrl: undefined });
      try {
        // every acknowledged bundle is in the inbox (opening into `bundles` happens after the answer)
        const acked = await restored.db.selectFrom('inbox').select('id').execute();
        expect(acked.map((r) => r.id).sort()).toEqual(items.map((i) => i.id).sort());
        const serverKey = loadServerKey(dest, undefined);
        await openAll(restored.db, new VersionKeys(restored.db, serverKey));
        const rows = await restored.db.selectFrom('bundles').select('id').execute();
        expect(rows.map((r) => r.id).sort()).toEqual(items.map((i) => i.id).sort());
        const [engagement] = await listPublished(restored.db);
        // the restored server key still opens the engagement's private key
        expect(await new VersionKeys(restored.db, serverKey).get(engagement?.versionId ?? '')).not.toBeNull();
        const app = await buildApp({ config: loadConfig({ DATA_DIR: dest }), database: restored, serverKey });
        const health = await app.inject({ method: 'GET', url: '/api/health' });
        expect(health.json().status).toBe('ok');
        await app.close();
      } finally {
        await restored.close();
      }
    } finally {
      await s.close();
    }
  });
});
