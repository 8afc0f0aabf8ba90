import fs from 'node:fs';
import * as v from 'valibot';
import { auditRequest, publicRoute, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { createEngagement, getForStaff, listForStaff, publish, saveDraft } from '../services/builder';
import { cloneEngagement } from '../services/builder-clone';
import { BuilderContentSchema, SlugSchema } from '../services/builder-schema';
import { MEDIA_MAX_BYTES, MEDIA_TYPES, readMedia, storeMedia } from '../services/media';
import { openmojiFile, searchPictograms } from '../services/pictograms';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not an engagement id')) });
const CreateSchema = v.strictObject({
  slug: SlugSchema,
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a title'), v.maxLength(200)),
});
const CloneSchema = v.strictObject({
  ...CreateSchema.entries,
  /** a published version to copy (a PostgreSQL integer); absent: the draft (or, without one, the newest version) */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647))),
});
const SearchSchema = v.strictObject({ q: v.optional(v.pipe(v.string(), v.maxLength(60))) });
const DraftSchema = v.strictObject({ content: BuilderContentSchema });
const UploadSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  type: v.picklist(MEDIA_TYPES, 'Upload a PNG, JPEG or WebP picture, or an MP3, M4A, Ogg, WebM or WAV clip'),
  dataBase64: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file is not base64')),
});

export default async function staffEngagements(ctx: AppContext) {
  const { app, database, serverKey, config } = ctx;
  const db = database.db;
  const build = ['organiser'] as const;
  const read = ['organiser', 'analyst'] as const;

  app.get('/api/staff/engagements', staffOnly(ctx, read, { schema: { summary: 'Engagements with their newest version' } }), async () => ({
    engagements: await listForStaff(db),
  }));
  app.post(
    '/api/staff/engagements',
    staffOnly(ctx, build, { bodyLimit: 4096, schema: { summary: 'Start a new engagement (a draft)', body: bodyDoc(CreateSchema) } }),
    async (req, reply) => {
      const body = parseBody(CreateSchema, req.body);
      const made = await createEngagement(db, body.slug, body.title, req.staff?.userId ?? '');
      await auditRequest(ctx, req, 'engagement.created', `engagement:${made.id}`, { detail: { slug: made.slug } });
      return reply.code(201).send(made);
    },
  );
  app.post(
    '/api/staff/engagements/:id/clone',
    staffOnly(ctx, build, {
      bodyLimit: 4096,
      schema: { summary: 'Copy an engagement (its draft or a version) as a new draft', body: bodyDoc(CloneSchema) },
    }),
    async (req, reply) => {
      const { id } = parseBody(IdParam, req.params);
      const body = parseBody(CloneSchema, req.body);
      const made = await cloneEngagement(db, id, body, req.staff?.userId ?? '');
      const detail = { slug: made.slug, from: id, version: body.version ?? 'draft' };
      await auditRequest(ctx, req, 'engagement.cloned', `engagement:${made.id}`, { detail });
      return reply.code(201).send(made);
    },
  );
  app.get(
    '/api/staff/engagements/:id',
    staffOnly(ctx, read, { schema: { summary: 'An engagement: its draft and versions with answers received' } }),
    async (req) => getForStaff(db, parseBody(IdParam, req.params).id, config.distDir),
  );
  app.put(
    '/api/staff/engagements/:id/draft',
    staffOnly(ctx, build, { bodyLimit: 1024 * 1024, schema: { summary: 'Save the draft content', body: bodyDoc(DraftSchema) } }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const saved = await saveDraft(db, id, parseBody(DraftSchema, req.body).content, req.staff?.userId ?? '');
      await auditRequest(ctx, req, 'engagement.draft_saved', `engagement:${id}`);
      return saved;
    },
  );
  app.post(
    '/api/staff/engagements/:id/publish',
    staffOnly(ctx, build, { schema: { summary: 'Publish the draft as a new immutable version with its own key pair' } }),
    async (req, reply) => {
      const { id } = parseBody(IdParam, req.params);
      const published = await publish(db, serverKey, id, config.distDir);
      await auditRequest(ctx, req, 'engagement.published', `engagement:${id}`, { detail: published });
      return reply.code(201).send(published);
    },
  );

  app.post(
    '/api/staff/media',
    staffOnly(ctx, build, {
      bodyLimit: Math.ceil(MEDIA_MAX_BYTES * 1.4) + 4096,
      schema: { summary: 'Upload a picture or clip (base64)', body: bodyDoc(UploadSchema) },
    }),
    async (req, reply) => {
      const media = await storeMedia(db, parseBody(UploadSchema, req.body), req.staff?.userId ?? '');
      await auditRequest(ctx, req, 'media.uploaded', `media:${media.sha256}`);
      return reply.code(201).send(media);
    },
  );
  app.get(
    '/api/staff/pictograms',
    staffOnly(ctx, build, { schema: { summary: 'OpenMoji symbols matching a word (?q=bus)', querystring: bodyDoc(SearchSchema) } }),
    async (req) => ({ pictograms: searchPictograms(parseBody(SearchSchema, req.query).q ?? '') }),
  );
  // Public like the app's own files: a device fetches the symbols its engagements use, for offline use.
  app.get('/pictograms/openmoji/:file', publicRoute({ schema: { summary: 'One OpenMoji symbol (SVG, CC BY-SA 4.0)' } }), (req, reply) => {
    const file = openmojiFile((req.params as { file: string }).file);
    if (!file) return reply.code(404).send({ error: 'not_found', message: 'There is no such symbol.' });
    return reply
      .header('Cache-Control', 'public, max-age=86400')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .type('image/svg+xml')
      .send(fs.createReadStream(file));
  });

  // Public like the app's own files: devices fetch them for offline use; the address is the content's hash.
  app.get('/media/:sha256', publicRoute({ schema: { summary: 'An uploaded picture or clip, by its SHA-256' } }), async (req, reply) => {
    const { sha256 } = req.params as { sha256: string };
    const found = /^[0-9a-f]{64}$/.test(sha256) ? await readMedia(db, sha256) : null;
    if (!found) return reply.code(404).send({ error: 'not_found', message: 'There is no such picture or clip.' });
    return reply
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .type(found.type)
      .send(found.bytes);
  });
}
