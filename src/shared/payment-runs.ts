/** Payment runs (DESIGN.md PaymentRun): shapes the finance pages and the server share. */
import { dateTime } from './date-time';

export const RUN_STATES = ['open', 'sent', 'settled'] as const;
export type RunState = (typeof RUN_STATES)[number];
export const RUN_OUTCOMES = ['paid', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];
export const RUN_FORMATS = ['csv', 'bacs18'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

export interface RunSummary {
  id: string;
  state: RunState;
  format: RunFormat;
  createdBy: string;
  createdAt: string;
  settledAt: string | null;
  claimCount: number;
  totalPence: number;
  /** the staff member who made it, by name ("Fay Finance"; the actor id when no account has that address any more) */
  createdByName: string;
  /** its claims by what the bank did: what happened to the run, at a glance */
  outcomes: { paid: number; failed: number; waiting: number };
}

export interface RunClaim {
  claimId: string;
  referenceCode: string;
  /** finance only: the payee as the bank file gives it */
  payee: string | null;
  amountPence: number;
  outcome: RunOutcome | null;
  reason: string | null;
}

/** The bank refused a claim's last payment: in which run, when it was marked, and the bank's reason. */
export interface PaymentFailure {
  runId: string;
  at: string;
  reason: string | null;
}

export interface RunDetail extends RunSummary {
  claims: RunClaim[];
  /** e.g. two payees sharing one account */
  warnings: string[];
}

/** A moment as finance reads it: UK time (where Bacs pays), "1 Dec 2026, 06:10 GMT" (BST in summer). */
export const ukDateTime = (iso: string) => dateTime(iso, 'en-GB', { timeZone: 'Europe/London' });
