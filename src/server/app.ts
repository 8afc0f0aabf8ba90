import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import type { Access } from './auth/roles';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/index';
import { HttpError } from './errors';
import type { ServerKey } from './keys';
import { registerOpenApi } from './openapi';
import { databaseRateLimitStore } from './rate-limit-store';
import adminAudit from './routes/admin-audit';
import attachments from './routes/attachments';
import devices from './routes/devices';
import feedback from './routes/feedback';
import finance from './routes/finance';
import financeRuns from './routes/finance-runs';
import health from './routes/health';
import insight from './routes/insight';
import lookup from './routes/lookup';
import sealedMedia from './routes/sealed-media';
import staffAuth from './routes/staff-auth';
import staffDevices from './routes/staff-devices';
import staffEngagements from './routes/staff-engagements';
import staffErasure from './routes/staff-erasure';
import staffHeld from './routes/staff-held';
import staffPaper from './routes/staff-paper';
import staffUsers from './routes/staff-users';
import staffXlsform from './routes/staff-xlsform';
import sync from './routes/sync';
import { VersionKeys } from './services/engagements';
import { Opener } from './services/opener';

export interface RouteEntry {
  method: string;
  url: string;
  /** who may call it (src/server/auth/roles.ts); the authorisation matrix fails a route without one */
  access?: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  serverKey: ServerKey;
  logger?: FastifyServerOptions['logger'];
  /** start the opener's threads once ready (the server does; tests that build many apps need not) */
  warmOpener?: boolean;
}

const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request is too large. Send fewer items at a time.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; it must be JSON.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
};

/**
 * Fastify itself trusts nobody for a bare hop count (it cannot check the nearest peer), so a count is kept
 * as the hops nearest the server, the way proxy-addr counts them: right only where no client reaches the
 * server except through that many proxies.
 */
function trustProxy(setting: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 256 * 1024,
    // Hostile input must not reach prototype setters.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    trustProxy: trustProxy(opts.config.trustProxy),
  });

  // Every route as registered, for the authorisation matrix and the fuzz suite (so no route is forgotten).
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      routeTable.push({ method: String(method), url: r.url ?? r.path ?? '', access: r.config?.access });
  });
  app.decorate('routeTable', routeTable);

  // Staff, finance and admin answers carry personal data (or may): never kept by a browser or a proxy.
  app.addHook('onSend', async (req, reply, payload) => {
    if (/^\/api\/(staff|finance|admin)(\/|$|\?|\.)/.test(req.url)) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // The API speaks JSON only: anything else is a clear 415, not a string that slips into validation.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) {
      if (err.statusCode >= 500) req.log.error({ err: err.cause ?? err }, err.message);
      return reply.code(err.statusCode).send({ ...err.extra, error: err.error, message: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        CLIENT_ERRORS[err.code] ?? (err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ? 'The request length is wrong.' : err.message);
      const error =
        status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'bad_request';
      return reply.code(status).send({ error, message });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'server_error', message: 'Something went wrong on the server. Nothing was saved; try again.' });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Over plain http on a venue laptop, HSTS would lock the browser out; set it at the TLS proxy.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  // counters live in the database so a limit holds across instances; when the store fails the route refuses
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(opts.database.db) });
  await app.register(cookie);
  // JSON and text answers above 1 KB, compressed as they are sent. The app's static files (the wildcard route
  // below) go as the build compressed them, or as they are: never compressed twice, nor on the fly.
  app.addHook('onRoute', (r) => {
    if (r.url === '/*') r.compress = false;
  });
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^application\/(?:[\w.-]+\+)?json(?:;|$)|^text\/(?!event-stream)/,
    globalDecompression: false,
  });

  await registerOpenApi(app);

  const versionKeys = new VersionKeys(opts.database.db, opts.serverKey);
  const opener = new Opener(opts.database.db, versionKeys, (err) => app.log.error({ err }, 'opening bundles failed'));
  app.addHook('onReady', async () => {
    if (opts.warmOpener) opener.warm();
    opener.run();
  });
  app.addHook('onClose', async () => opener.stop());
  const ctx: AppContext = { app, config: opts.config, database: opts.database, serverKey: opts.serverKey, versionKeys, opener };
  await health(ctx);
  await devices(ctx);
  await sync(ctx);
  await finance(ctx);
  await financeRuns(ctx);
  await attachments(ctx);
  for (const staff of [staffAuth, staffUsers, staffDevices, staffEngagements, staffErasure, staffHeld, staffPaper, staffXlsform])
    await staff(ctx);
  for (const route of [insight, feedback, lookup, sealedMedia, adminAudit]) await route(ctx);

  const indexHtml = path.join(opts.config.distDir, 'index.html');
  const hasApp = fs.existsSync(indexHtml);
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: opts.config.distDir,
      wildcard: true,
      index: 'index.html',
      // the .br and .gz copies the build made (scripts/precompress.mjs), chosen by Accept-Encoding, with Vary
      preCompressed: true,
      setHeaders(res, file) {
        const rel = path.relative(opts.config.distDir, file);
        // Hashed build assets never change; everything else must be revalidated so updates arrive.
        res.header('Cache-Control', rel.startsWith('assets') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    // the root is always the app (@fastify/static answers it 404 when it would pick a compressed index);
    // other unknown addresses are the app only for a browser asking for a page
    const root = req.url === '/' || req.url.startsWith('/?');
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (root || (req.headers.accept ?? '').includes('text/html'));
    if (wantsPage && hasApp) {
      return reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `Nothing here: ${req.method} ${req.url.slice(0, 200)}` });
  });

  return app;
}
