/**
 * What each operation answers, for the API description only: Fastify never sees these as response schemas,
 * so replies are sent exactly as the handlers make them. Shapes that cross to a device come from the valibot
 * schemas in src/shared; every error is ApiErrorSchema. A route not listed here answers 200 with JSON.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { FastifySchema, RouteOptions } from 'fastify';
import * as v from 'valibot';
import { LookupReplySchema } from '../shared/lookup';
import { ApiErrorSchema, AttachmentStateSchema, SyncBatchResponseSchema } from '../shared/protocol';
import type { Access } from './auth/roles';

type Doc = Record<string, unknown>;

/** A valibot schema's JSON Schema form, for the API description (validation stays with valibot in the handler). */
export function bodyDoc(schema: v.GenericSchema): Doc {
  return toJsonSchema(schema, { errorMode: 'ignore' }) as Doc;
}

const json = (description: string, schema: Doc = { type: 'object' }): Doc => ({ description, content: { 'application/json': { schema } } });
const file = (description: string, type: string): Doc => ({
  description,
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

const HealthSchema = v.object({
  status: v.picklist(['ok', 'unavailable']),
  database: v.object({ dialect: v.picklist(['sqlite', 'postgres']), ok: v.boolean() }),
  time: v.optional(v.string()),
});

/** Replies other than "200, a JSON object", by `METHOD url` as registered. */
const SUCCESS: Record<string, Record<number, Doc>> = {
  'GET /api/health': { 200: json('The server and its database answer', bodyDoc(HealthSchema)) },
  'POST /api/devices/enrol': {
    200: json('The device token (shown once)', { type: 'object', properties: { deviceId: { type: 'string' }, token: { type: 'string' } } }),
  },
  'POST /api/sync/batches': { 200: json('One result per item, after the batch is committed', bodyDoc(SyncBatchResponseSchema)) },
  'GET /api/sync/attachments/:sha256': { 200: json('What the server holds of this attachment', bodyDoc(AttachmentStateSchema)) },
  'PUT /api/sync/attachments/:sha256': { 200: json('What the server holds after this chunk', bodyDoc(AttachmentStateSchema)) },
  'POST /api/lookup': { 200: json('What became of the answers given under this reference code', bodyDoc(LookupReplySchema)) },
  'POST /api/staff/users': { 201: json('The new account') },
  'POST /api/staff/devices/codes': { 201: json('A one-time enrolment code and when it expires') },
  'POST /api/staff/engagements': { 201: json('The new draft engagement') },
  'POST /api/staff/engagements/:id/publish': { 201: json('The published version') },
  'POST /api/staff/media': { 201: json('The stored picture or clip') },
  'POST /api/staff/erasures': { 201: json('What was erased') },
  'POST /api/finance/payment-runs': { 201: json('The new payment run') },
  'POST /api/staff/feedback/:id/publish': { 201: json('The published feedback') },
  'POST /api/staff/insight/:id/themes': { 201: json('The new theme') },
  'DELETE /api/staff/insight/:id/themes/:themeId': { 204: { description: 'Deleted' } },
  'GET /media/:sha256': { 200: file('The picture or clip', 'application/octet-stream') },
  'GET /api/finance/payment-runs/:id/file': { 200: file('The bank file (CSV or Bacs Standard 18)', 'text/plain') },
  'GET /api/finance/claims/:id/lines/:idx/receipt': { 200: file('The receipt photo', 'application/octet-stream') },
  'GET /api/staff/insight/:id/voice/:bundleId/:questionId': { 200: file('The voice answer', 'application/octet-stream') },
};

/** Request bodies that are not JSON, so no valibot schema describes them. */
const RAW_BODY: Record<string, { consumes: string[]; body: Doc }> = {
  'PUT /api/sync/attachments/:sha256': { consumes: ['application/octet-stream'], body: { type: 'string', format: 'binary' } },
};

function success(key: string, url: string): Record<number, Doc> {
  if (SUCCESS[key]) return SUCCESS[key];
  if (/\.csv$|\/export$/.test(url)) return { 200: file('A CSV file', 'text/csv') };
  return { 200: json('Done') };
}

/** The client errors an operation can answer, from what it takes and who may call it. */
function clientErrors(route: RouteOptions, hasBody: boolean): Record<number, Doc> {
  const error = (description: string) => json(description, bodyDoc(ApiErrorSchema));
  const access = (route.config as { access?: Access } | undefined)?.access;
  const url = route.url ?? '';
  const out: Record<number, Doc> = {};
  if (hasBody || url.includes(':') || route.method !== 'GET') out[400] = error('The request is not valid; the message says what to change');
  if (access?.kind === 'device' || /^\/api\/(sync|device)\//.test(url)) out[401] = error('No device token, or a revoked one');
  if (access?.kind === 'staff' || /^\/api\/(staff|finance|admin)\//.test(url)) {
    out[401] = error('Not signed in');
    out[403] = error('Signed in without a role that may do this, or from another origin');
  }
  if (url.includes(':')) out[404] = error('Nothing with that id');
  if (hasBody) out[413] = error('The request is too large');
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) out[429] = error('Too many tries; wait and try again');
  if (Object.keys(out).length === 0) out[404] = error('No such route');
  return out;
}

/** @fastify/swagger's `transform`: adds the replies (and non-JSON bodies) to one route's description. */
export function describeRoute({ schema, url, route }: { schema: FastifySchema | undefined; url: string; route: RouteOptions }) {
  const key = `${[route.method].flat()[0]} ${url}`;
  const raw = RAW_BODY[key];
  const withBody: Doc = { ...schema, ...raw };
  const response = { ...success(key, url), ...clientErrors(route, 'body' in withBody) };
  return { schema: { ...withBody, response }, url };
}
