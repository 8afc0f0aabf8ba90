/**
 * Erasure by reference code (DESIGN.md, security and privacy): a participant asks, giving the code from
 * their Done screen, and an admin erases their personal data. What identifies or reaches them goes: the
 * sealed envelope (which holds everything they gave, bank and contact details included), voice clips and
 * receipt images, the contact for feedback, bank details, names, addresses and free-text reasons on a
 * claim, and the reference code itself. What stays is anonymous: answers, equality monitoring for the
 * aggregate counts, and a claim's amounts (kept for the accounts). One transaction; one audit entry, which
 * holds only a hash of the code so a second request can be told "already erased".
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type ClaimState, canMove } from '../../shared/claims';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { audit } from './audit';
import { moveClaim } from './claim-status';

export const ERASED_ENVELOPE = '{"erased":true}';
/**
 * A claim still owed (not paid, rejected or withdrawn) is withdrawn: without bank details it cannot be paid.
 * The transition table allows withdrawal after approval for this reason only (shared/claims.ts).
 */
const settled = (status: ClaimState) => !canMove(status, 'withdrawn');
/** Line detail a claim keeps after erasure: what was claimed, never where from or why. */
const KEPT_LINE_FIELDS = ['category', 'amountPence', 'quantityMilli', 'ratePence', 'vehicle', 'passengers', 'mealBand', 'choice'];

export interface ErasureSummary {
  bundles: number;
  claims: number;
  withdrawnClaims: number;
  attachments: number;
  contacts: number;
}

const referenceHash = (code: string) => createHash('sha256').update(`reference:${code}`).digest('hex');

async function found(db: Kysely<DB> | Transaction<DB>, code: string) {
  const bundles = await db.selectFrom('bundles').select('id').where('reference_code', '=', code).execute();
  const claims = await db.selectFrom('claims').select(['id', 'status']).where('reference_code', '=', code).execute();
  return { bundleIds: bundles.map((b) => b.id), claims };
}

async function notFoundOrErased(db: Kysely<DB>, code: string): Promise<HttpError> {
  const erased = await db
    .selectFrom('audit_events')
    .select('at')
    .where('action', '=', 'erasure')
    .where('reason', 'is not', null)
    .where('detail_json', 'like', `%${referenceHash(code)}%`)
    .executeTakeFirst();
  return erased
    ? new HttpError(410, 'already_erased', `The personal data for this reference was erased on ${erased.at.slice(0, 10)}.`)
    : new HttpError(
        404,
        'unknown_reference',
        'Nothing has arrived with this reference. Check it against the Done screen; answers given offline can take a few days to arrive.',
      );
}

/** What an erasure would touch, without changing anything (for the admin to check before confirming). */
export async function erasurePreview(db: Kysely<DB>, code: string) {
  const { bundleIds, claims } = await found(db, code);
  if (bundleIds.length === 0 && claims.length === 0) throw await notFoundOrErased(db, code);
  const contacts = bundleIds.length
    ? await db.selectFrom('feedback_contacts').select('bundle_id').where('bundle_id', 'in', bundleIds).execute()
    : [];
  return {
    bundles: bundleIds.length,
    claims: claims.map((c) => ({ status: c.status, settled: settled(c.status) })),
    contacts: contacts.length,
    blocked: claims.some((c) => c.status === 'in_payment_run'),
  };
}

export async function eraseByReference(db: Kysely<DB>, code: string, actor: string, reason: string, now = new Date()) {
  const at = now.toISOString();
  const out = await db.transaction().execute(async (tx): Promise<ErasureSummary | null> => {
    const { bundleIds, claims } = await found(tx, code);
    if (bundleIds.length === 0 && claims.length === 0) return null;
    if (claims.some((c) => c.status === 'in_payment_run')) {
      throw new HttpError(409, 'in_payment_run', 'This claim is in a payment run. Mark the run paid or failed first, then erase.');
    }
    const summary: ErasureSummary = { bundles: bundleIds.length, claims: claims.length, withdrawnClaims: 0, attachments: 0, contacts: 0 };
    const ids = [...new Set([...bundleIds, ...claims.map((c) => c.id)])];

    const inbox = await tx.selectFrom('inbox').select(['id', 'attachments_json']).where('id', 'in', ids).execute();
    const shas = [...new Set(inbox.flatMap((r) => JSON.parse(r.attachments_json) as string[]))];
    if (shas.length) {
      // the uploads' rows before their chunks, in the order every writer locks them (services/attachments.ts)
      summary.attachments = Number(
        (await tx.deleteFrom('attachment_uploads').where('sha256', 'in', shas).executeTakeFirst()).numDeletedRows,
      );
      await tx.deleteFrom('attachment_chunks').where('sha256', 'in', shas).execute();
    }
    await tx.updateTable('inbox').set({ envelope_json: ERASED_ENVELOPE, attachments_json: '[]' }).where('id', 'in', ids).execute();
    await tx
      .updateTable('held_bundles')
      .set({ envelope_json: ERASED_ENVELOPE, attachments_json: '[]' })
      .where('bundle_id', 'in', ids)
      .execute();
    if (bundleIds.length) {
      await tx.updateTable('bundles').set({ reference_code: '', attachment_count: 0 }).where('id', 'in', bundleIds).execute();
      summary.contacts = Number(
        (await tx.deleteFrom('feedback_contacts').where('bundle_id', 'in', bundleIds).executeTakeFirst()).numDeletedRows,
      );
    }

    for (const c of claims) {
      const owed = !settled(c.status);
      const row = await tx
        .selectFrom('claims')
        .select(['payment_method', 'declaration_json'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const kind = (JSON.parse(row.declaration_json) as { kind?: string }).kind ?? 'erased';
      await tx
        .updateTable('claims')
        .set({
          reference_code: '',
          bank_sealed: null,
          bank_last4: null,
          bank_purged_at: at,
          payment_json: JSON.stringify({ method: row.payment_method }),
          declaration_json: JSON.stringify({ kind, erased: true }),
          updated_at: at,
        })
        .where('id', '=', c.id)
        .execute();
      const lines = await tx.selectFrom('claim_lines').select(['idx', 'detail_json']).where('claim_id', '=', c.id).execute();
      for (const l of lines) {
        const detail = JSON.parse(l.detail_json) as Record<string, unknown>;
        const kept = Object.fromEntries(Object.entries(detail).filter(([k]) => KEPT_LINE_FIELDS.includes(k)));
        await tx
          .updateTable('claim_lines')
          .set({ detail_json: JSON.stringify(kept), receipt_sha256: null, receipt_image_sha256: null })
          .where('claim_id', '=', c.id)
          .where('idx', '=', l.idx)
          .execute();
      }
      if (owed) {
        summary.withdrawnClaims++;
        await moveClaim(tx, { claimId: c.id, to: 'withdrawn', actor, at, reason: 'Personal data erased at the participant’s request' });
      }
    }
    await audit(tx, {
      actor,
      action: 'erasure',
      subject: bundleIds[0] ? `bundle:${bundleIds[0]}` : `claim:${claims[0]?.id}`,
      reason,
      at,
      detail: { reference: referenceHash(code), ...summary },
    });
    return summary;
  });
  if (!out) throw await notFoundOrErased(db, code);
  return out;
}
