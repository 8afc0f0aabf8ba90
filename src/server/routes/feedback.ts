/**
 * "You said, we did": organisers write and publish feedback per engagement and see who asked to hear
 * back; anyone reads published feedback at /api/feedback/<slug>; enrolled devices download all of it.
 */
import * as v from 'valibot';
import { actorOf, publicRoute, staffOnly } from '../auth/guard';
import { requireDevice } from '../auth-device';
import type { AppContext } from '../context';
import { toCsv } from '../insight/csv';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { feedbackContacts } from '../services/contacts';
import {
  allPublishedFeedback,
  FeedbackContentSchema,
  feedbackDraft,
  publishedFeedbackBySlug,
  publishFeedback,
  saveFeedbackDraft,
} from '../services/feedback';
import { engagementFor } from '../services/insight';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not an engagement id')) });
const SlugParam = v.strictObject({ slug: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'Not an engagement address')) });
const DraftSchema = v.strictObject({ content: FeedbackContentSchema });
const ContactsQuery = v.strictObject({ format: v.optional(v.picklist(['json', 'csv'], 'Export as csv or json')) });

export default async function feedback(ctx: AppContext) {
  const { app, database, serverKey } = ctx;
  const db = database.db;
  const organiser = ['organiser'] as const;
  const actor = actorOf;

  app.get('/api/staff/feedback/:id', staffOnly(ctx, organiser), async (req) => feedbackDraft(db, parseBody(IdParam, req.params).id));
  app.put(
    '/api/staff/feedback/:id',
    staffOnly(ctx, organiser, { bodyLimit: 512 * 1024, schema: { body: bodyDoc(DraftSchema) } }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const saved = await saveFeedbackDraft(db, id, parseBody(DraftSchema, req.body).content, actor(req));
      await audit(db, { at: new Date().toISOString(), actor: actor(req), action: 'feedback.draft_saved', subject: `engagement:${id}` });
      return saved;
    },
  );
  app.post('/api/staff/feedback/:id/publish', staffOnly(ctx, organiser), async (req, reply) => {
    const { id } = parseBody(IdParam, req.params);
    const out = await publishFeedback(db, id, actor(req));
    await audit(db, { at: new Date().toISOString(), actor: actor(req), action: 'feedback.publish', subject: `engagement:${id}` });
    return reply.code(201).send(out);
  });

  // Contact details are personal data: organisers only, and every read is in the audit log.
  app.get('/api/staff/feedback/:id/contacts', staffOnly(ctx, organiser), async (req, reply) => {
    const { id } = parseBody(IdParam, req.params);
    const { format } = parseBody(ContactsQuery, req.query);
    const e = await engagementFor(db, id);
    const list = await feedbackContacts(db, serverKey, id);
    await audit(db, {
      at: new Date().toISOString(),
      actor: actor(req),
      action: format === 'csv' ? 'export.contacts' : 'read.contacts',
      subject: `engagement:${id}`,
      detail: { rows: list.length },
    });
    reply.header('Cache-Control', 'no-store');
    if (format !== 'csv') return { contacts: list };
    const csv = toCsv(
      ['name', 'email', 'phone', 'language', 'format', 'given_at'],
      list.map((c) => [c.name, c.email, c.phone, c.language, c.format, c.givenAt]),
    );
    return reply.header('Content-Disposition', `attachment; filename="${e.slug}-contacts.csv"`).type('text/csv; charset=utf-8').send(csv);
  });

  app.get('/api/feedback/:slug', publicRoute(), async (req, reply) => {
    const { slug } = parseBody(SlugParam, req.params);
    const published = await publishedFeedbackBySlug(db, slug);
    if (!published) return reply.code(404).send({ error: 'not_found', message: 'There is no published feedback for this engagement yet.' });
    // revalidated each time online; the service worker keeps the last copy for offline
    return reply.header('Cache-Control', 'no-cache').send(published);
  });

  app.get(
    '/api/device/feedback',
    {
      preHandler: requireDevice(db, ctx.config.orgName),
      config: { access: { kind: 'device' } },
      schema: { summary: 'Published feedback for the device to show offline', security: [{ device: [] }] },
    },
    async () => ({ feedback: await allPublishedFeedback(db) }),
  );
}
