/**
 * The one writer of a claim's status (DESIGN.md, Claim states): every change goes through moveClaim, which
 * checks the transition table, updates only the row it decided on (same status, same version) inside a
 * transaction, and writes the audit entry. Nothing else in the server sets `claims.status`.
 */
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { type ClaimState, canMove, sourcesOf } from '../../shared/claims';
import type { ClaimsTable, DB } from '../db/schema';
import { HttpError } from '../errors';
import { audit } from './audit';

export type ClaimRow = Selectable<ClaimsTable>;

export interface Move {
  claimId: string;
  to: ClaimState;
  actor: string;
  at: string;
  reason?: string | null;
  /** narrower than the table, for a route's own rule (e.g. staff withdraw only before approval) */
  from?: readonly ClaimState[];
  /** other columns changed with the status, worked out from the row as read */
  set?: (row: ClaimRow) => Omit<Updateable<ClaimsTable>, 'status' | 'version' | 'updated_at'>;
  /** refuses the move for a reason of its own (thrown as is) */
  check?: (row: ClaimRow) => HttpError | null;
  /** the audit action; default `claim.<to>`. A move to the same state is audited only when one is given. */
  action?: string;
  detail?: Record<string, unknown>;
}

export const notFound = () => new HttpError(404, 'not_found', 'There is no claim with that id.');
export const conflict = (message: string) => new HttpError(409, 'wrong_state', message);
const words = (s: string) => s.replace(/_/g, ' ');

const inTransaction = <T>(db: Kysely<DB> | Transaction<DB>, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);

/** Moves one claim; returns the row as it was. Throws 404, or 409 when the table (or `from`) forbids it. */
export async function moveClaim(db: Kysely<DB> | Transaction<DB>, m: Move): Promise<ClaimRow> {
  return inTransaction(db, async (tx) => {
    const row = await tx.selectFrom('claims').selectAll().where('id', '=', m.claimId).executeTakeFirst();
    if (!row) throw notFound();
    const allowed = sourcesOf(m.to).filter((s) => !m.from || m.from.includes(s));
    if (!allowed.includes(row.status) || !canMove(row.status, m.to))
      throw conflict(`A claim that is ${words(row.status)} cannot be changed to ${words(m.to)}.`);
    const refused = m.check?.(row);
    if (refused) throw refused;
    const res = await tx
      .updateTable('claims')
      .set({ ...(m.set?.(row) ?? {}), status: m.to, version: Number(row.version) + 1, updated_at: m.at })
      .where('id', '=', m.claimId)
      .where('status', 'in', allowed)
      .where('status', '=', row.status)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('Someone else changed this claim at the same moment. Reload it and try again.');
    if (row.status !== m.to || m.action)
      await audit(tx, {
        actor: m.actor,
        action: m.action ?? `claim.${m.to}`,
        subject: `claim:${m.claimId}`,
        reason: m.reason ?? null,
        at: m.at,
        detail: { from: row.status, to: m.to, ...(m.detail ?? {}) },
      });
    return row;
  });
}
