import * as v from 'valibot';
import { SyncItemSchema } from '../../shared/protocol';
import { actorOf, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { bodyDoc } from '../openapi';
import { listPublished } from '../services/engagements';
import { enterPaperForm } from '../services/paper';
import { parseBody } from '../validate';

const IdParam = v.strictObject({ id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an engagement id')) });

export default async function staffPaper(ctx: AppContext) {
  const { app, database, versionKeys, opener } = ctx;
  app.get(
    '/api/staff/engagements/:id/paper',
    staffOnly(ctx, ['organiser'], {
      schema: { summary: 'The newest published version, with its public key, to seal paper forms in the browser' },
    }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const found = (await listPublished(database.db)).find((e) => e.engagementId === id);
      if (!found)
        throw new HttpError(404, 'not_published', 'This engagement has no published version. Publish it before entering paper forms.');
      return found;
    },
  );
  app.post(
    '/api/staff/engagements/:id/paper',
    staffOnly(ctx, ['organiser'], {
      bodyLimit: 512 * 1024,
      schema: {
        summary: 'A paper form typed in by staff, sealed in the browser like a device bundle (input method "paper")',
        body: bodyDoc(SyncItemSchema),
      },
    }),
    async (req, reply) => {
      const { id } = parseBody(IdParam, req.params);
      const item = parseBody(SyncItemSchema, req.body);
      const result = await enterPaperForm(database.db, versionKeys, id, item, {
        userId: req.staff?.userId as string,
        actor: actorOf(req),
      });
      if (result.status === 'conflict')
        throw new HttpError(409, 'conflict', result.reason ?? 'Another form with this number is already stored.');
      if (result.status !== 'stored' && result.status !== 'duplicate') {
        throw new HttpError(400, 'rejected', result.reason ?? 'The server could not take this form.');
      }
      opener.run();
      return reply.code(result.status === 'stored' ? 201 : 200).send({ id: item.id, status: result.status });
    },
  );
}
