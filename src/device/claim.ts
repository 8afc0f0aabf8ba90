/** A claim made during a hand-over, built into the sealed bundle's claim when the participant sends it. */
import type { Claim } from '../shared/claims';
import type { NewAttachment } from './finish';
import type { ClaimDraft } from './participant';

export interface ClaimResult {
  claim: Claim;
  /** receipt photos; a line's `receipt` is an index into this list */
  receipts: NewAttachment[];
}

/** Builds the claim; `offset` is how many attachments the bundle already has before the receipts. */
export function buildClaim(draft: ClaimDraft, declaration: Claim['declaration'], offset = 0): ClaimResult {
  const receipts: NewAttachment[] = [];
  const lines = draft.lines.map(({ line, receipt }) => {
    const { receipt: _old, receiptSha256: _oldHash, ...rest } = line;
    if (!receipt) return rest;
    receipts.push({ kind: 'receipt', type: receipt.type, bytes: receipt.bytes });
    return { ...rest, receipt: offset + receipts.length - 1, receiptSha256: receipt.sha256 };
  });
  return {
    claim: {
      lines,
      ...(draft.time ? { time: draft.time } : {}),
      payment: draft.payment ?? { method: 'none' },
      declaration,
      at: new Date().toISOString(),
    },
    receipts,
  };
}
