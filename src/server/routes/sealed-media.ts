/**
 * Staff reads of sealed attachments, opened on the server for one response: a claim line's receipt image
 * (finance) and a voice answer's clip (analyst). Each read is audited, never cached, and sent with the
 * media type its bytes really have.
 */
import type { FastifyReply } from 'fastify';
import * as v from 'valibot';
import { actorOf, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { audit } from '../services/audit';
import { erasedError, isErased, mediaTypeOf, type OpenedAttachment, openBundleAttachment } from '../services/sealed-attachments';
import { parseBody } from '../validate';

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'That is not an id'));
const ReceiptParams = v.strictObject({
  id: Id,
  idx: v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'A line is a number'), v.transform(Number)),
});
const VoiceParams = v.strictObject({
  id: v.pipe(v.string(), v.uuid('Not an engagement id')),
  bundleId: v.pipe(v.string(), v.uuid('Not an answer id')),
  questionId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a question id')),
});

function send(reply: FastifyReply, opened: OpenedAttachment, type: string) {
  return reply
    .type(type)
    .header('Cache-Control', 'no-store')
    .header('Content-Disposition', 'inline')
    .header('X-Content-Type-Options', 'nosniff')
    .send(opened.bytes);
}

export default async function sealedMedia(ctx: AppContext) {
  const { app, database, versionKeys } = ctx;
  const db = database.db;
  const doc = (summary: string) => ({ schema: { summary } });

  app.get(
    '/api/finance/claims/:id/lines/:idx/receipt',
    staffOnly(ctx, ['finance'], doc("A claim line's receipt image, opened from its sealed bundle (finance only; the read is audited)")),
    async (req, reply) => {
      const { id, idx } = parseBody(ReceiptParams, req.params);
      const line = await db
        .selectFrom('claim_lines')
        .select(['receipt_sha256', 'receipt_image_sha256'])
        .where('claim_id', '=', id)
        .where('idx', '=', idx)
        .executeTakeFirst();
      if (!line) throw new HttpError(404, 'not_found', 'This claim has no such line.');
      if (!line.receipt_sha256) {
        if (await isErased(db, id)) throw erasedError();
        throw new HttpError(404, 'no_receipt', 'This line has no receipt photo.');
      }
      const opened = await openBundleAttachment(db, versionKeys, id, {
        sha256: line.receipt_sha256,
        plainSha256: line.receipt_image_sha256,
      });
      if (opened.ref.kind !== 'receipt') throw new HttpError(422, 'not_a_receipt', 'This attachment is not a receipt.');
      const type = mediaTypeOf(opened.bytes, 'image');
      await audit(db, {
        actor: actorOf(req),
        action: 'claim.receipt_read',
        subject: `claim:${id}`,
        at: new Date().toISOString(),
        detail: { line: idx },
      });
      return send(reply, opened, type);
    },
  );

  app.get(
    '/api/staff/insight/:id/voice/:bundleId/:questionId',
    staffOnly(ctx, ['analyst'], doc("A voice answer's clip, opened from its sealed bundle (analyst only; the read is audited)")),
    async (req, reply) => {
      const { id, bundleId, questionId } = parseBody(VoiceParams, req.params);
      const bundle = await db
        .selectFrom('bundles')
        .innerJoin('engagement_versions', 'engagement_versions.id', 'bundles.engagement_version_id')
        .select('bundles.id')
        .where('bundles.id', '=', bundleId)
        .where('engagement_versions.engagement_id', '=', id)
        .executeTakeFirst();
      if (!bundle) throw new HttpError(404, 'not_found', 'This engagement has no such answer.');
      const opened = await openBundleAttachment(db, versionKeys, bundleId, {
        index: (p) => {
          const a = p.answers[questionId];
          return a && 'voice' in a ? a.voice : undefined;
        },
      });
      if (opened.ref.kind !== 'voice') throw new HttpError(422, 'not_a_voice_clip', 'This attachment is not a voice clip.');
      const type = mediaTypeOf(opened.bytes, 'audio');
      await audit(db, {
        actor: actorOf(req),
        action: 'answer.voice_played',
        subject: `engagement:${id}`,
        at: new Date().toISOString(),
        detail: { bundleId, questionId },
      });
      return send(reply, opened, type);
    },
  );
}
