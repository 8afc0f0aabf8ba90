/** Shapes of the finance endpoints as the staff web reads them, and how money and states are written. */
import type { PaymentFailure } from '../../../shared/payment-runs';

export type { PaymentFailure, RunClaim, RunDetail, RunSummary } from '../../../shared/payment-runs';

export const pounds = (pence: number | null | undefined) =>
  pence === null || pence === undefined ? '–' : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);

/** A state or category as words: partially_approved → partially approved. */
export const words = (s: string) => s.replace(/_/g, ' ');

/** A reference code, or what to call a claim whose reference went with an erasure. */
export const refOf = (c: { referenceCode: string }) => c.referenceCode || 'erased';

/** UK time with its zone named: "1 Dec 2026, 06:10 GMT". */
export { ukDateTime as whenLondon } from '../../../shared/payment-runs';

export interface Named {
  id: string;
  name: string;
}

export interface ClaimSummary {
  id: string;
  engagementId: string;
  engagementTitle: string;
  sessionId: string | null;
  sessionName: string | null;
  referenceCode: string;
  status: string;
  claimedPence: number;
  approvedPence: number;
  paymentMethod: string;
  account: string | null;
  late: boolean;
  needsSecond: boolean;
  /** approving it in full would need a second approver */
  secondIfApproved: boolean;
  lineCount: number;
  receivedAt: string;
  /** the bank refused its last payment (it is approved again, or in a new run) */
  paymentFailed: PaymentFailure | null;
}

export interface ClaimList {
  claims: ClaimSummary[];
  engagements: Named[];
  sessions: Named[];
}

export interface ClaimDetail extends ClaimSummary {
  payment: Record<string, unknown>;
  declaration: Record<string, unknown>;
  bank: { accountName: string; sortCode: string; accountNumber: string } | { masked: string } | null;
  bankPurgedAt: string | null;
  firstApprover: string | null;
  secondApprover: string | null;
  lines: {
    idx: number;
    category: string;
    detail: Record<string, unknown>;
    amountPence: number;
    approvedPence: number | null;
    status: string;
    reason: string | null;
    hasReceipt: boolean;
    warnings: string[];
  }[];
  audit: { actor: string; action: string; reason: string | null; at: string }[];
}

/** A copy of a set of ticked rows with one row ticked or not. */
export function toggled(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
