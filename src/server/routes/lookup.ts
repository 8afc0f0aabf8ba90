/** The reference lookup (public, rate-limited in the database so the limit holds across instances). */
import * as v from 'valibot';
import { normaliseReference, REFERENCE_PATTERN } from '../../shared/feedback';
import { LookupReplySchema } from '../../shared/lookup';
import { publicRoute } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { lookupReference } from '../services/lookup';
import { parseBody } from '../validate';

const LookupSchema = v.strictObject({
  code: v.pipe(
    v.string('Enter your reference'),
    v.maxLength(20, 'A reference has 8 letters and numbers'),
    v.transform(normaliseReference),
    v.regex(REFERENCE_PATTERN, 'A reference has 8 letters and numbers, like 7KQ2-M9XD'),
  ),
});

export default async function lookup(ctx: AppContext) {
  const db = ctx.database.db;
  ctx.app.post(
    '/api/lookup',
    publicRoute({
      bodyLimit: 1024,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'What a reference code shows: the engagement, its feedback and the claim’s stage, amount approved, method and paid date',
        body: bodyDoc(LookupSchema),
        response: { 200: bodyDoc(LookupReplySchema) },
      },
    }),
    async (req, reply) => {
      const { code } = parseBody(LookupSchema, req.body);
      return reply.header('Cache-Control', 'no-store').send(await lookupReference(db, code));
    },
  );
}
