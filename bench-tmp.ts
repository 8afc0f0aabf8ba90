import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './src/server/app';
import { loadConfig } from './src/server/config';
import { openDatabase } from './src/server/db/index';
import { loadServerKey } from './src/server/keys';
import { seedIfEmpty } from './src/server/seed';
import { enrolDevice } from './src/server/services/devices';
import { listPublished } from './src/server/services/engagements';
import { sealedItem } from './tests/support/bundles';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-'));
const config = loadConfig({ DATA_DIR: dataDir, DIST_DIR: '/nonexistent' });
const database = await openDatabase(config);
const serverKey = loadServerKey(dataDir, undefined);
const app = await buildApp({ config, database, serverKey });
const seeded = await seedIfEmpty(database.db, serverKey);
const { token } = await enrolDevice(database.db, { code: seeded.enrolmentCode as string, name: 't' });
const [eng] = await listPublished(database.db);
const items = [];
for (let i = 0; i < 2000; i++) items.push(await sealedItem(eng!));
const B = Number(process.env.B ?? 100);
const t0 = performance.now();
for (let b = 0; b < 2000 / B; b++) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ items: items.slice(b * B, b * B + B) }),
  });
  if (res.statusCode !== 200) console.log(res.body);
}
console.log('B', B, 'ingest/s', 2000 / ((performance.now() - t0) / 1000));
await app.close();
await database.close();
