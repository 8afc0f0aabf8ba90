import { startTestApp } from '../tests/support/app';
import { sealedItem } from '../tests/support/bundles';

const s = await startTestApp();
const BATCHES = Number(process.env.B ?? 20);
const items = [];
for (let i = 0; i < 500; i++) items.push(await sealedItem(s.engagement));
const bodies: string[] = [];
for (let b = 0; b < BATCHES; b++) {
  bodies.push(JSON.stringify({ queueSize: 10000, items: items.map((it) => ({ ...it, id: crypto.randomUUID() })) }));
}
// warm
await s.app.inject({
  method: 'POST',
  url: '/api/sync/batches',
  headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
  payload: JSON.stringify({ items: [{ ...items[0], id: crypto.randomUUID() }] }),
});
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const payload of bodies) {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
    payload,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}
const c = process.cpuUsage(c0);
console.log(
  'ms/bundle cpu',
  ((c.user + c.system) / 1000 / (500 * BATCHES)).toFixed(3),
  'wall',
  ((performance.now() - t0) / (500 * BATCHES)).toFixed(3),
  'body KB',
  (bodies[0]!.length / 1024).toFixed(0),
);
await s.close();
process.exit(0);
