/** The engagement as a spreadsheet: download it for translators or ODK teams, and import it back as the draft. */
import * as v from 'valibot';
import { XLSFORM_MAX_BYTES, XLSX_TYPE, XlsformImportSchema } from '../../shared/xlsform';
import { auditRequest, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { getForStaff, saveDraft } from '../services/builder';
import { contentOf } from '../services/builder-clone';
import { fromXlsform, toXlsform } from '../services/xlsform';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not an engagement id')) });
const VersionQuery = v.strictObject({ version: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'Not a version number'))) });

export default async function staffXlsform(ctx: AppContext) {
  const { app, database } = ctx;
  const db = database.db;

  app.get(
    '/api/staff/engagements/:id/xlsform',
    staffOnly(ctx, ['organiser', 'analyst'], { schema: { summary: 'The draft (or ?version=N) as an XLSForm-style .xlsx' } }),
    async (req, reply) => {
      const { id } = parseBody(IdParam, req.params);
      const { version } = parseBody(VersionQuery, req.query);
      const e = await getForStaff(db, id);
      const content = version ? await contentOf(db, id, Number(version)) : e.content;
      const name = `${e.slug}${version ? `-v${version}` : '-draft'}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .header('Cache-Control', 'no-store')
        .send(await toXlsform(content));
    },
  );

  app.post(
    '/api/staff/engagements/:id/xlsform',
    staffOnly(ctx, ['organiser'], {
      bodyLimit: Math.ceil(XLSFORM_MAX_BYTES * 1.4) + 4096,
      schema: {
        summary: 'Replace the draft with an XLSForm-style .xlsx (base64); the rate card is kept',
        body: bodyDoc(XlsformImportSchema),
      },
    }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const body = parseBody(XlsformImportSchema, req.body);
      const current = await getForStaff(db, id);
      const content = await fromXlsform(Buffer.from(body.dataBase64, 'base64'), current.content);
      const saved = await saveDraft(db, id, content, req.staff?.userId ?? '');
      await auditRequest(ctx, req, 'engagement.draft_imported', `engagement:${id}`, {
        detail: { file: body.name, questions: content.questions.length, locales: content.locales },
      });
      return { ...saved, content };
    },
  );
}
