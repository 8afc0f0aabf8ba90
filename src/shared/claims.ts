/**
 * Expense claims: the shape that travels in a sealed bundle, how a line's amount is worked out, the warnings
 * a participant sees (warnings, never walls), bank detail checks, and the claim state machine of DESIGN.md.
 * Pure: the device screens and the server use the same rules.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { isPence, lineAmount, MAX_LINE_PENCE, MAX_QUANTITY_MILLI, plainNumber, sumPence } from './money';
import { CATEGORIES, type Category, MEAL_BANDS, type RateCard, VEHICLES } from './ratecard';

const Pence = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LINE_PENCE));
const Milli = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_QUANTITY_MILLI));
const Place = v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.place));
const Reason = v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.reason));
const IsoInstant = v.pipe(v.string(), v.isoTimestamp());
const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const ClaimLineSchema = v.strictObject({
  category: v.picklist(CATEGORIES),
  amountPence: Pence,
  /** miles (mileage) or hours (childcare), in thousandths */
  quantityMilli: v.optional(Milli),
  /** pence per hour (childcare) */
  ratePence: v.optional(Pence),
  vehicle: v.optional(v.picklist(VEHICLES)),
  passengers: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8))),
  mealBand: v.optional(v.picklist(MEAL_BANDS)),
  from: v.optional(Place),
  to: v.optional(Place),
  reason: v.optional(Reason),
  /** index into the bundle's attachments */
  receipt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(49))),
  /** sha256 of the receipt image as taken, to spot the same receipt twice */
  receiptSha256: v.optional(Sha256),
  noReceiptReason: v.optional(Reason),
  /** informal childcare: the participant declares it was paid, with no receipt */
  childcareDeclared: v.optional(v.boolean()),
});
export type ClaimLine = v.InferOutput<typeof ClaimLineSchema>;

export const TIME_CHOICES = ['accept', 'reduce', 'decline', 'donate'] as const;
export type TimeChoice = (typeof TIME_CHOICES)[number];

export const SORT_CODE = /^\d{6}$/;
export const ACCOUNT_NUMBER = /^\d{8}$/;
/** People type sort codes as 12-34-56 or 12 34 56, in whichever digits their keyboard has. */
export const digitsOnly = (s: string) => plainNumber(s).replace(/-/g, '');

export const PaymentSchema = v.variant('method', [
  v.strictObject({
    method: v.literal('bank'),
    accountName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.accountName)),
    sortCode: v.pipe(v.string(), v.regex(SORT_CODE)),
    accountNumber: v.pipe(v.string(), v.regex(ACCOUNT_NUMBER)),
  }),
  v.strictObject({
    method: v.literal('cash'),
    /** what the facilitator recorded handing over */
    handedOverPence: Pence,
    facilitatorRecorded: v.literal(true),
    participantConfirmed: v.boolean(),
  }),
  v.strictObject({
    method: v.literal('voucher'),
    voucherType: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.voucher)),
    code: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.voucher))),
  }),
  v.strictObject({ method: v.literal('none') }),
]);
export type Payment = v.InferOutput<typeof PaymentSchema>;

const DeclaredName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.declarationName));

export const DeclarationSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('typed'), name: DeclaredName }),
  v.strictObject({ kind: v.literal('witnessed'), facilitatorName: DeclaredName }),
]);

export const ClaimSchema = v.pipe(
  v.strictObject({
    lines: v.pipe(v.array(ClaimLineSchema), v.maxLength(30)),
    time: v.optional(v.strictObject({ choice: v.picklist(TIME_CHOICES), amountPence: Pence })),
    payment: PaymentSchema,
    declaration: DeclarationSchema,
    /** when the participant made the claim; the session date decides whether it is late */
    at: IsoInstant,
  }),
  v.check((c) => c.lines.every((l) => computedMatches(l)), 'a line amount does not match its quantity and rate'),
  v.check((c) => c.lines.length > 0 || (c.time?.amountPence ?? 0) > 0, 'a claim needs at least one line or payment for time'),
);
export type Claim = v.InferOutput<typeof ClaimSchema>;

/** Mileage: miles x (vehicle rate + passengers x passenger rate), rounded once. */
export function mileageAmount(card: RateCard, miles: number, vehicle: (typeof VEHICLES)[number], passengers: number): number {
  return lineAmount(miles, card.mileage[vehicle] + passengers * card.mileage.passenger);
}

/** The rate a mileage line was worked out at, so the server can check the sum without the card. */
function computedMatches(l: ClaimLine): boolean {
  if (l.quantityMilli === undefined || l.ratePence === undefined) return l.category !== 'mileage' && l.category !== 'childcare';
  return l.amountPence === lineAmount(l.quantityMilli, l.ratePence);
}

/** What the card allows at most for this line (null: no cap). */
export function lineCap(card: RateCard, l: ClaimLine): number | null {
  if (l.category === 'meals') return card.meals[l.mealBand ?? 'over5h'];
  if (l.category === 'childcare' && l.quantityMilli !== undefined) return lineAmount(l.quantityMilli, card.childcareHourlyCap);
  return card.caps[l.category] ?? null;
}

export const claimTotal = (lines: readonly { amountPence: number }[]) => sumPence(lines.map((l) => l.amountPence));

export type Warning =
  | 'no_receipt'
  | 'reason_needed'
  | 'over_cap'
  | 'late'
  | 'duplicate_line'
  | 'duplicate_receipt'
  | 'childcare_declaration';

export interface WarningContext {
  /** when the session was (ISO); absent: not late */
  sessionAt?: string;
  /** lines this person already claimed for this session (on this device or on the server) */
  earlier?: readonly Pick<ClaimLine, 'category' | 'amountPence'>[];
  /** receipt image hashes already seen */
  seenReceipts?: ReadonlySet<string>;
}

const needsReason = (c: Category) => c === 'taxi' || c === 'other';

/** Warnings for one line: shown to the participant and to finance; they never block a claim. */
export function lineWarnings(card: RateCard, l: ClaimLine, index: number, all: readonly ClaimLine[], ctx: WarningContext = {}): Warning[] {
  const w: Warning[] = [];
  const hasReceipt = l.receipt !== undefined;
  if (card.receiptRequired.includes(l.category) && !hasReceipt && !(l.category === 'childcare' && l.childcareDeclared))
    w.push('no_receipt');
  if (l.category === 'childcare' && !hasReceipt && !l.childcareDeclared) w.push('childcare_declaration');
  if (needsReason(l.category) && !l.reason) w.push('reason_needed');
  const cap = lineCap(card, l);
  if (cap !== null && l.amountPence > cap) w.push('over_cap');
  const same = (o: Pick<ClaimLine, 'category' | 'amountPence'>) => o.category === l.category && o.amountPence === l.amountPence;
  if (all.some((o, i) => i < index && same(o)) || (ctx.earlier ?? []).some(same)) w.push('duplicate_line');
  const hash = l.receiptSha256;
  if (hash && (all.some((o, i) => i < index && o.receiptSha256 === hash) || ctx.seenReceipts?.has(hash))) w.push('duplicate_receipt');
  return w;
}

/** A claim made after the deadline (days after the session) is late: a warning for finance and participant. */
export function isLate(card: RateCard, claimAt: string, sessionAt: string | undefined): boolean {
  if (!sessionAt) return false;
  return Date.parse(claimAt) - Date.parse(sessionAt) > card.claimDeadlineDays * 86_400_000;
}

/** Checks a sort code and account number as typed; returns the digits or which field is wrong. */
export function checkBank(
  sortCode: string,
  accountNumber: string,
): { ok: true; sortCode: string; accountNumber: string } | { ok: false; field: 'sortCode' | 'accountNumber' } {
  const sc = digitsOnly(sortCode);
  const an = digitsOnly(accountNumber);
  if (!SORT_CODE.test(sc)) return { ok: false, field: 'sortCode' };
  if (!ACCOUNT_NUMBER.test(an)) return { ok: false, field: 'accountNumber' };
  return { ok: true, sortCode: sc, accountNumber: an };
}

/** Shown anywhere but finance's own view: the last 4 digits only. */
export const maskAccount = (accountNumber: string) => `****${accountNumber.slice(-4)}`;

export { isPence };

/* ---- states (DESIGN.md, Claim states) ---- */

export const CLAIM_STATES = [
  'queued',
  'submitted',
  'needs_info',
  'approved',
  'partially_approved',
  'rejected',
  'in_payment_run',
  'paid',
  'payment_failed',
  'paid_on_day',
  'reconciled',
  'withdrawn',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/**
 * Which state may follow which. `withdrawn` after approval (and after a failed payment) exists for one
 * reason only: the participant asked for their personal data to be erased, so the bank details needed to
 * pay are gone. Finance staff withdraw only before approval (WITHDRAWABLE_BY_STAFF).
 */
const NEXT: Record<ClaimState, readonly ClaimState[]> = {
  queued: ['submitted', 'paid_on_day'],
  submitted: ['needs_info', 'approved', 'partially_approved', 'rejected', 'withdrawn', 'submitted'],
  needs_info: ['submitted', 'approved', 'partially_approved', 'rejected', 'withdrawn', 'needs_info'],
  approved: ['in_payment_run', 'needs_info', 'approved', 'partially_approved', 'rejected', 'withdrawn'],
  partially_approved: ['in_payment_run', 'needs_info', 'approved', 'partially_approved', 'rejected', 'withdrawn'],
  rejected: ['needs_info', 'approved', 'partially_approved', 'rejected'],
  in_payment_run: ['paid', 'payment_failed'],
  payment_failed: ['approved', 'partially_approved', 'withdrawn'],
  paid: [],
  paid_on_day: ['reconciled'],
  reconciled: [],
  withdrawn: [],
};

/** States a finance person may withdraw a claim from ("before approval", DESIGN.md). */
export const WITHDRAWABLE_BY_STAFF: readonly ClaimState[] = ['submitted', 'needs_info'];
/** States ready to go into a payment run. */
export const APPROVED_STATES = ['approved', 'partially_approved'] as const;
export type ApprovedState = (typeof APPROVED_STATES)[number];

/** Every state `to` may be reached from. */
export const sourcesOf = (to: ClaimState): ClaimState[] => CLAIM_STATES.filter((s) => NEXT[s].includes(to));

export const canMove = (from: ClaimState, to: ClaimState) => NEXT[from].includes(to);

export const LINE_STATES = ['pending', 'approved', 'reduced', 'queried', 'rejected'] as const;
export type LineState = (typeof LINE_STATES)[number];
export const LINE_DECISIONS = ['approve', 'reduce', 'query', 'reject'] as const;
export type LineDecision = (typeof LINE_DECISIONS)[number];

/** What a line decision does to the line; a reduce needs a smaller amount, anything but approve a reason. */
export function decideLine(
  claimed: number,
  decision: LineDecision,
  reason: string | undefined,
  reducedTo?: number,
): { ok: true; state: LineState; approvedPence: number } | { ok: false; message: string } {
  if (decision !== 'approve' && !reason?.trim())
    return { ok: false, message: 'Give a reason: the participant and the audit log will see it.' };
  if (decision === 'approve') return { ok: true, state: 'approved', approvedPence: claimed };
  if (decision === 'reduce') {
    if (reducedTo === undefined || !isPence(reducedTo) || reducedTo >= claimed) {
      return { ok: false, message: 'A reduced amount must be whole pence, at least 0 and less than the amount claimed.' };
    }
    return { ok: true, state: 'reduced', approvedPence: reducedTo };
  }
  return { ok: true, state: decision === 'query' ? 'queried' : 'rejected', approvedPence: 0 };
}

/** The claim's state from its lines' states, while it is being reviewed. */
export function reviewState(lines: readonly LineState[]): ClaimState {
  if (lines.includes('queried')) return 'needs_info';
  if (lines.includes('pending')) return 'submitted';
  if (lines.length > 0 && lines.every((s) => s === 'rejected')) return 'rejected';
  if (lines.every((s) => s === 'approved')) return 'approved';
  return 'partially_approved';
}

export const needsSecondApprover = (card: Pick<RateCard, 'secondApproverAbove'>, approvedTotal: number) =>
  approvedTotal > card.secondApproverAbove;

/** Cash float for a session: issued - paid out - returned; 0 means it balances. */
export function floatDifference(issued: number, paidOut: number, returned: number): number {
  for (const n of [issued, paidOut, returned]) if (!isPence(n)) throw new RangeError('float amounts are non-negative integer pence');
  return issued - paidOut - returned;
}
