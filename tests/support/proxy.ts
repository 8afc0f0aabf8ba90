/** A small round-robin HTTP proxy in front of several server instances, for multi-instance tests. */
import http from 'node:http';
import type net from 'node:net';

export interface Proxy {
  url: string;
  /** how many requests each target received */
  hits: number[];
  close(): Promise<void>;
}

/**
 * `forward`: as a deployed reverse proxy does, append the client's address to X-Forwarded-For and pass the
 * Host and protocol the client used on (X-Forwarded-Host, X-Forwarded-Proto).
 */
export function roundRobinProxy(targets: string[], opts: { forward?: boolean } = {}): Promise<Proxy> {
  const hits = targets.map(() => 0);
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    hits[i] = (hits[i] ?? 0) + 1;
    const target = new URL(req.url ?? '/', targets[i]);
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
    if (opts.forward) {
      const seen = req.headers['x-forwarded-for'];
      headers['x-forwarded-for'] = [seen, req.socket.remoteAddress].filter(Boolean).join(', ');
      headers['x-forwarded-host'] = req.headers.host;
      headers['x-forwarded-proto'] = 'http';
    }
    const upstream = http.request(target, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'bad_gateway', message: 'instance unreachable' }));
    });
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        hits,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
