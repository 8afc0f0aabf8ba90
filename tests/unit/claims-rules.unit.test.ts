import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BundlePayloadSchema } from '../../src/shared/bundle';
import {
  type ClaimLine,
  ClaimSchema,
  canMove,
  checkBank,
  claimTotal,
  decideLine,
  floatDifference,
  isLate,
  lineWarnings,
  maskAccount,
  mileageAmount,
  needsSecondApprover,
  reviewState,
  WITHDRAWABLE_BY_STAFF,
} from '../../src/shared/claims';
import { DEFAULT_RATE_CARD as card, paymentOptionsOf, rateCardOf } from '../../src/shared/ratecard';

const base = {
  payment: { method: 'none' as const },
  declaration: { kind: 'typed' as const, name: 'Ann Example' },
  at: '2026-11-22T10:00:00.000Z',
};
const bus: ClaimLine = { category: 'public_transport', amountPence: 420, receipt: 0 };

describe('rate card', () => {
  it('defaults follow the published figures; a missing or malformed card is no card, never the default', () => {
    expect(card.mileage).toEqual({ car: 45, motorcycle: 24, bicycle: 20, passenger: 5 });
    expect(card.meals).toEqual({ over5h: 490, over10h: 1070 });
    expect(rateCardOf({ rateCard: { categories: [] } })).toBeNull();
    expect(rateCardOf({ rateCard: { travelPerMilePence: 45 } })).toBeNull();
    expect(rateCardOf({})).toBeNull();
    const edited = { ...card, mileage: { ...card.mileage, car: 50 } };
    expect(rateCardOf({ rateCard: edited })?.mileage.car).toBe(50);
    expect(paymentOptionsOf({ paymentOptions: ['cash'] })).toEqual(['cash']);
    expect(paymentOptionsOf({})).toEqual(['bank', 'cash', 'voucher', 'none']);
  });
});

describe('claim lines', () => {
  it('mileage with a passenger: miles x (vehicle + passenger) rounded once', () => {
    expect(mileageAmount(card, 12_500, 'car', 1)).toBe(625); // 12.5 x 50p
    expect(mileageAmount(card, 3_300, 'bicycle', 0)).toBe(66);
    expect(mileageAmount(card, 1_010, 'motorcycle', 0)).toBe(24); // 24.24 → 24
  });

  it('the schema refuses a mileage or childcare amount that does not match quantity x rate', () => {
    const good = {
      ...base,
      lines: [{ category: 'mileage', amountPence: 625, quantityMilli: 12_500, ratePence: 50, vehicle: 'car', passengers: 1 }],
    };
    expect(v.safeParse(ClaimSchema, good).success).toBe(true);
    const bad = { ...base, lines: [{ ...good.lines[0], amountPence: 626 }] };
    expect(v.safeParse(ClaimSchema, bad).success).toBe(false);
    const noQty = { ...base, lines: [{ category: 'childcare', amountPence: 1000 }] };
    expect(v.safeParse(ClaimSchema, noQty).success).toBe(false);
  });

  it('refuses an empty claim, negative or fractional pence, bad bank details', () => {
    expect(v.safeParse(ClaimSchema, { ...base, lines: [] }).success).toBe(false);
    expect(v.safeParse(ClaimSchema, { ...base, lines: [{ ...bus, amountPence: -1 }] }).success).toBe(false);
    expect(v.safeParse(ClaimSchema, { ...base, lines: [{ ...bus, amountPence: 1.5 }] }).success).toBe(false);
    const bank = { method: 'bank', accountName: 'A', sortCode: '12345', accountNumber: '12345678' };
    expect(v.safeParse(ClaimSchema, { ...base, lines: [bus], payment: bank }).success).toBe(false);
    expect(v.safeParse(ClaimSchema, { ...base, lines: [bus], payment: { ...bank, sortCode: '123456' } }).success).toBe(true);
    expect(v.safeParse(ClaimSchema, { ...base, lines: [], time: { choice: 'accept', amountPence: 2000 } }).success).toBe(true);
  });

  it('the claim travels in the bundle schema', () => {
    const shape = BundlePayloadSchema.entries.claim;
    expect(v.safeParse(shape, { ...base, lines: [bus] }).success).toBe(true);
    expect(v.safeParse(shape, { lines: 'x' }).success).toBe(false);
  });

  it('property: any line the schema accepts has non-negative integer pence and the total is their sum', () => {
    const line = fc.record({
      category: fc.constantFrom('public_transport', 'parking', 'meals', 'phone'),
      amountPence: fc.oneof(fc.integer({ min: -1000, max: 20_000_000 }), fc.double({ noNaN: false })),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const r = v.safeParse(ClaimSchema, { ...base, lines });
        if (!r.success) return;
        for (const l of r.output.lines) expect(Number.isSafeInteger(l.amountPence) && l.amountPence >= 0).toBe(true);
        expect(claimTotal(r.output.lines)).toBe(r.output.lines.reduce((a, l) => a + l.amountPence, 0));
      }),
      { numRuns: 500 },
    );
  });
});

describe('warnings, not walls', () => {
  it('missing receipt, taxi with no reason, cap passed, informal childcare', () => {
    expect(lineWarnings(card, { category: 'public_transport', amountPence: 420 }, 0, [])).toEqual(['no_receipt']);
    expect(lineWarnings(card, { category: 'taxi', amountPence: 1200, receipt: 0 }, 0, [])).toEqual(['reason_needed']);
    expect(lineWarnings(card, { category: 'meals', mealBand: 'over5h', amountPence: 600 }, 0, [])).toEqual(['over_cap']);
    expect(lineWarnings(card, { category: 'meals', mealBand: 'over10h', amountPence: 600 }, 0, [])).toEqual([]);
    const care: ClaimLine = { category: 'childcare', amountPence: 4000, quantityMilli: 2000, ratePence: 2000 };
    expect(lineWarnings(card, care, 0, [])).toEqual(['childcare_declaration', 'over_cap']);
    expect(lineWarnings(card, { ...care, childcareDeclared: true, amountPence: 3000, ratePence: 1500 }, 0, [])).toEqual([]);
  });

  it('the same category and amount twice, the same receipt twice', () => {
    const lines: ClaimLine[] = [
      bus,
      { ...bus, receiptSha256: 'a'.repeat(64) },
      { category: 'parking', amountPence: 300, receipt: 1, receiptSha256: 'a'.repeat(64) },
    ];
    expect(lineWarnings(card, lines[1] as ClaimLine, 1, lines)).toEqual(['duplicate_line']);
    expect(lineWarnings(card, lines[2] as ClaimLine, 2, lines)).toEqual(['duplicate_receipt']);
    expect(lineWarnings(card, bus, 0, [bus], { earlier: [{ category: 'public_transport', amountPence: 420 }] })).toEqual([
      'duplicate_line',
    ]);
    expect(lineWarnings(card, lines[1] as ClaimLine, 0, [], { seenReceipts: new Set(['a'.repeat(64)]) })).toEqual(['duplicate_receipt']);
  });

  it('a claim after the deadline is late', () => {
    expect(isLate(card, '2026-11-22T10:00:00Z', '2026-10-22T09:00:00Z')).toBe(true);
    expect(isLate(card, '2026-11-22T10:00:00Z', '2026-11-22T09:00:00Z')).toBe(false);
    expect(isLate(card, '2026-11-22T10:00:00Z', undefined)).toBe(false);
  });
});

describe('bank details', () => {
  it('6-digit sort code, 8-digit account, as typed with dashes or spaces; masked to the last 4', () => {
    expect(checkBank('12-34-56', '1234 5678')).toEqual({ ok: true, sortCode: '123456', accountNumber: '12345678' });
    expect(checkBank('12-34-5', '12345678')).toEqual({ ok: false, field: 'sortCode' });
    expect(checkBank('123456', '1234567')).toEqual({ ok: false, field: 'accountNumber' });
    expect(checkBank('12345a', '12345678')).toEqual({ ok: false, field: 'sortCode' });
    expect(maskAccount('12345678')).toBe('****5678');
  });
});

describe('claim states', () => {
  it('follows DESIGN.md', () => {
    expect(canMove('submitted', 'needs_info')).toBe(true);
    expect(canMove('needs_info', 'submitted')).toBe(true);
    expect(canMove('approved', 'in_payment_run')).toBe(true);
    expect(canMove('in_payment_run', 'paid')).toBe(true);
    expect(canMove('payment_failed', 'approved')).toBe(true);
    expect(canMove('paid_on_day', 'reconciled')).toBe(true);
    expect(canMove('submitted', 'withdrawn')).toBe(true);
    // only erasure withdraws an approved claim; finance staff withdraw before approval
    expect(canMove('approved', 'withdrawn')).toBe(true);
    expect(WITHDRAWABLE_BY_STAFF).not.toContain('approved');
    expect(canMove('paid', 'approved')).toBe(false);
    expect(canMove('submitted', 'paid')).toBe(false);
    expect(canMove('rejected', 'in_payment_run')).toBe(false);
  });

  it('line decisions: a reason for anything but approve; reduce to less, in whole pence', () => {
    expect(decideLine(500, 'approve', undefined)).toEqual({ ok: true, state: 'approved', approvedPence: 500 });
    expect(decideLine(500, 'reduce', 'cap', 490)).toEqual({ ok: true, state: 'reduced', approvedPence: 490 });
    expect(decideLine(500, 'reduce', 'cap', 500).ok).toBe(false);
    expect(decideLine(500, 'reduce', 'cap', 4.5).ok).toBe(false);
    expect(decideLine(500, 'reduce', 'cap', -1).ok).toBe(false);
    expect(decideLine(500, 'query', ' ').ok).toBe(false);
    expect(decideLine(500, 'reject', 'not ours')).toEqual({ ok: true, state: 'rejected', approvedPence: 0 });
  });

  it('the claim state follows its lines', () => {
    expect(reviewState(['approved', 'approved', 'queried'])).toBe('needs_info');
    expect(reviewState(['approved', 'pending'])).toBe('submitted');
    expect(reviewState(['approved', 'approved'])).toBe('approved');
    expect(reviewState(['approved', 'reduced'])).toBe('partially_approved');
    expect(reviewState(['approved', 'rejected'])).toBe('partially_approved');
    expect(reviewState(['rejected', 'rejected'])).toBe('rejected');
  });

  it('second approver above the threshold; cash float difference', () => {
    expect(needsSecondApprover(card, 10_000)).toBe(false);
    expect(needsSecondApprover(card, 10_001)).toBe(true);
    expect(floatDifference(10_000, 2_500, 7_500)).toBe(0);
    expect(floatDifference(10_000, 2_500, 7_000)).toBe(500);
    expect(() => floatDifference(-1, 0, 0)).toThrow(RangeError);
  });
});
