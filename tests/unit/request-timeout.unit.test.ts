/** A device request that gets no answer gives up (src/shared/request.ts), so nothing waits on it for ever. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { timeLimited } from '../../src/shared/request';

let server: Server;
let url = '';
beforeAll(async () => {
  // answers the headers, then never sends the rest of the body
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    res.write('{"engagements": [');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it('a request whose answer stalls is aborted, the reading of its body included', async () => {
  const res = await fetch(url, timeLimited({ headers: { Accept: 'application/json' } }, 200));
  expect(res.status).toBe(200);
  await expect(res.json()).rejects.toMatchObject({ name: 'TimeoutError' });
});

it('keeps what the caller asked for', () => {
  const init = timeLimited({ method: 'POST', cache: 'no-cache' });
  expect(init).toMatchObject({ method: 'POST', cache: 'no-cache' });
  expect(init.signal?.aborted).toBe(false);
});
