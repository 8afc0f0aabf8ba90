/** Results, themes, who took part and exports per engagement (analyst; organisers may read too). */
import * as v from 'valibot';
import { CROSS_BY, datesInOrder, type InsightFilter, InsightFilterEntries, InsightFilterSchema } from '../../shared/insight';
import { LOCALES } from '../../shared/locales';
import { actorOf, auditRequest, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { type ExportKind, exportCsv, exportJson } from '../insight/export';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { crossTabFor, engagementFor, engagementResults, participationFor, resultRows, saveReferenceShares } from '../services/insight';
import { createTheme, deleteTheme, setTag } from '../services/themes';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not an engagement id')) });
const ThemeParam = v.strictObject({ id: IdParam.entries.id, themeId: v.pipe(v.string(), v.uuid('Not a theme id')) });
const ThemeSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Name the theme'), v.maxLength(80, 'Use at most 80 characters')),
});
const TagSchema = v.strictObject({
  themeId: v.pipe(v.string(), v.uuid('Not a theme id')),
  bundleId: v.pipe(v.string(), v.uuid('Not an answer id')),
  questionId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a question id')),
  tagged: v.boolean(),
});
const Category = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_ -]{1,40}$/, 'Categories use letters, digits, _ and -'));
const ReferenceSchema = v.strictObject({
  dimension: v.picklist(['ageBand', 'gender', 'disability', 'ethnicity', 'area'], 'Unknown monitoring question'),
  source: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  shares: v.pipe(
    v.record(
      Category,
      v.pipe(v.number('Shares are numbers'), v.minValue(0, 'A share is 0 to 100'), v.maxValue(100, 'A share is 0 to 100')),
    ),
    v.check((r) => Object.keys(r).length <= 40, 'Too many categories'),
  ),
});
const ExportQuery = v.pipe(
  v.strictObject({
    ...InsightFilterEntries,
    kind: v.picklist(['answers', 'themes', 'aggregates'], 'Export answers, themes or aggregates'),
    format: v.picklist(['csv', 'json'], 'Export as csv or json'),
    /** a locale: the wording of questions and options in it; absent: ids */
    wording: v.optional(v.picklist(LOCALES, 'Wording is one of the shipped languages')),
  }),
  datesInOrder(),
);
const CrossTabQuery = v.pipe(
  v.strictObject({
    ...InsightFilterEntries,
    question: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a question id')),
    by: v.picklist(CROSS_BY, 'Unknown monitoring question'),
  }),
  datesInOrder(),
);
/** Just the filter out of a query that carries more. */
const filterOf = (q: Record<string, unknown>): InsightFilter =>
  Object.fromEntries(Object.keys(InsightFilterEntries).flatMap((k) => (q[k] === undefined ? [] : [[k, q[k]]])));

export default async function insight(ctx: AppContext) {
  const { app, database, config } = ctx;
  const db = database.db;
  const read = ['analyst', 'organiser'] as const;
  const analyse = ['analyst'] as const;
  const base = '/api/staff/insight/:id';
  const actor = actorOf;

  const tz = config.orgTimeZone;
  app.get(`${base}/results`, staffOnly(ctx, read), async (req) =>
    engagementResults(db, parseBody(IdParam, req.params).id, tz, parseBody(InsightFilterSchema, req.query)),
  );
  app.get(`${base}/participation`, staffOnly(ctx, read), async (req) =>
    participationFor(db, parseBody(IdParam, req.params).id, parseBody(InsightFilterSchema, req.query), tz),
  );
  app.get(`${base}/crosstab`, staffOnly(ctx, read), async (req) => {
    const q = parseBody(CrossTabQuery, req.query);
    return crossTabFor(db, parseBody(IdParam, req.params).id, tz, filterOf(q), q.question, q.by);
  });

  app.put(
    `${base}/reference`,
    staffOnly(ctx, ['organiser', 'analyst'], { bodyLimit: 16 * 1024, schema: { body: bodyDoc(ReferenceSchema) } }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const body = parseBody(ReferenceSchema, req.body);
      await saveReferenceShares(db, id, body.dimension, body.shares, body.source);
      await auditRequest(ctx, req, 'insight.reference_saved', `engagement:${id}`, { detail: { dimension: body.dimension } });
      return participationFor(db, id);
    },
  );

  app.post(`${base}/themes`, staffOnly(ctx, analyse, { bodyLimit: 4096, schema: { body: bodyDoc(ThemeSchema) } }), async (req, reply) => {
    const { id } = parseBody(IdParam, req.params);
    await engagementFor(db, id);
    const theme = await createTheme(db, id, parseBody(ThemeSchema, req.body).name, actor(req));
    await auditRequest(ctx, req, 'theme.created', `engagement:${id}`, { detail: theme });
    return reply.code(201).send(theme);
  });
  app.delete(`${base}/themes/:themeId`, staffOnly(ctx, analyse), async (req, reply) => {
    const { id, themeId } = parseBody(ThemeParam, req.params);
    await deleteTheme(db, id, themeId);
    await auditRequest(ctx, req, 'theme.deleted', `engagement:${id}`, { detail: { themeId } });
    return reply.code(204).send();
  });
  app.post(`${base}/tags`, staffOnly(ctx, analyse, { bodyLimit: 4096, schema: { body: bodyDoc(TagSchema) } }), async (req) => {
    const { id } = parseBody(IdParam, req.params);
    const tag = parseBody(TagSchema, req.body);
    await setTag(db, id, tag, actor(req));
    await auditRequest(ctx, req, 'theme.tagged', `bundle:${tag.bundleId}`, { detail: tag });
    return { ok: true };
  });

  app.get(`${base}/export`, staffOnly(ctx, read), async (req, reply) => {
    const { id } = parseBody(IdParam, req.params);
    const q = parseBody(ExportQuery, req.query);
    const filter = filterOf(q);
    const [results, e, rows, who] = await Promise.all([
      engagementResults(db, id, tz, filter, q.wording),
      engagementFor(db, id),
      resultRows(db, id, filter, tz),
      participationFor(db, id, filter, tz),
    ]);
    const input = { ...results, results, engagement: results.engagement, content: e.content, timeZone: tz, rows, who, wording: q.wording };
    const kind = q.kind as ExportKind;
    const out = q.format === 'csv' ? exportCsv(kind, input) : exportJson(kind, input);
    await audit(db, {
      at: new Date().toISOString(),
      actor: actor(req),
      action: `export.${kind}`,
      subject: `engagement:${id}`,
      detail: { format: q.format, rows: out.rows, wording: q.wording ?? null, filter },
    });
    const name = `${e.slug}-${kind}${q.wording ? `-${q.wording}` : ''}.${q.format}`;
    reply.header('Content-Disposition', `attachment; filename="${name}"`).header('Cache-Control', 'no-store');
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(out.body);
    return reply.type('application/json; charset=utf-8').send(out.body);
  });
}
