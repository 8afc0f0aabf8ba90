/** A claim's outcome on the lookup page, in the participant's language: its stage, the amount and the day paid. */
import { day, money } from '../../i18n/format';
import type { ClaimOutcome } from '../../shared/lookup';
import { ft } from './i18n';

const PAID_BY = { bank: 'paidBank', cash: 'paidCash', voucher: 'paidVoucher', none: 'paidOn' } as const;
const WITH_AMOUNT = { approved: 'approvedAmount', in_payment: 'in_payment', payment_failed: 'payment_failed' } as const;

export function claimOutcomeText(c: ClaimOutcome): string {
  // the server sends the amount approved for every stage from approval on
  const amount = money(c.approvedPence ?? 0);
  if (c.stage === 'paid') {
    return c.paidAt ? ft(`lookup.claim.${PAID_BY[c.method ?? 'none']}`, { amount, date: day(c.paidAt) }) : ft('lookup.claim.paid');
  }
  if (c.stage === 'approved' || c.stage === 'in_payment' || c.stage === 'payment_failed')
    return ft(`lookup.claim.${WITH_AMOUNT[c.stage]}`, { amount });
  return ft(`lookup.claim.${c.stage}`);
}
