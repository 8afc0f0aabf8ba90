/** Erasure by reference code (admin role): check what it touches, then erase. See services/erasure.ts. */
import * as v from 'valibot';
import { normaliseReference, REFERENCE_PATTERN } from '../../shared/feedback';
import { actorOf, auditRequest, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { eraseByReference, erasurePreview } from '../services/erasure';
import { parseBody } from '../validate';

const Reference = v.pipe(
  v.string('Enter the reference'),
  v.maxLength(20, 'A reference has 8 letters and numbers'),
  v.transform(normaliseReference),
  v.regex(REFERENCE_PATTERN, 'A reference has 8 letters and numbers, like 7KQ2-M9XD'),
);
const PreviewSchema = v.strictObject({ reference: Reference });
const EraseSchema = v.strictObject({
  reference: Reference,
  reason: v.pipe(v.string('Say how the participant asked'), v.trim(), v.minLength(1, 'Say how the participant asked'), v.maxLength(500)),
});

export default async function staffErasure(ctx: AppContext) {
  const { app, database } = ctx;
  const admin = ['admin'] as const;
  app.post(
    '/api/staff/erasures/preview',
    staffOnly(ctx, admin, { bodyLimit: 1024, schema: { summary: 'What erasing a reference would touch', body: bodyDoc(PreviewSchema) } }),
    async (req, reply) => {
      const { reference } = parseBody(PreviewSchema, req.body);
      const preview = await erasurePreview(database.db, reference);
      await auditRequest(ctx, req, 'erasure.preview', 'erasure', { detail: { bundles: preview.bundles, claims: preview.claims.length } });
      return reply.header('Cache-Control', 'no-store').send(preview);
    },
  );
  app.post(
    '/api/staff/erasures',
    staffOnly(ctx, admin, {
      bodyLimit: 2048,
      schema: { summary: 'Erase the personal data given under a reference', body: bodyDoc(EraseSchema) },
    }),
    async (req, reply) => {
      const { reference, reason } = parseBody(EraseSchema, req.body);
      const summary = await eraseByReference(database.db, reference, actorOf(req), reason);
      return reply.code(201).send(summary);
    },
  );
}
