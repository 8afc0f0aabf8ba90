/** The builder's rate card form ⇄ the RateCard contract: a card loads and saves back unchanged; problems name their field. */
import { describe, expect, it } from 'vitest';
import { fieldId, fromForm, serverFieldError, toForm } from '../../src/features/manage/ratecard-form';
import { DEMO_RATE_CARD } from '../../src/server/demo';
import { DEFAULT_RATE_CARD } from '../../src/shared/ratecard';

describe('rate card form', () => {
  it('loads the demo card in pounds and pence and saves it back unchanged, key for key', () => {
    const form = toForm({ rateCard: DEMO_RATE_CARD, paymentOptions: ['cash', 'bank'] });
    expect(form.offered).toBe(true);
    expect(form.mileage.car).toBe('0.45');
    expect(form.meals.over10h).toBe('10.70');
    expect(form.caps.taxi).toBe('50.00');
    expect(form.caps.meals).toBe('');
    expect(form.timePayment).toBe('20.00');
    const out = fromForm(form);
    expect(out.errors).toEqual([]);
    expect(JSON.stringify(out.rateCard)).toBe(JSON.stringify(DEMO_RATE_CARD));
    expect(out.paymentOptions).toEqual(['cash', 'bank']);
  });

  it('turns typed pounds into integer pence, and an empty cap into no cap', () => {
    const form = toForm({ rateCard: DEFAULT_RATE_CARD });
    const out = fromForm({
      ...form,
      categories: ['taxi', 'mileage'],
      caps: { ...form.caps, taxi: '£12.5', other: '' },
      mileage: { ...form.mileage, car: '0,52' },
      claimDeadlineDays: '14',
    });
    expect(out.errors).toEqual([]);
    expect(out.rateCard?.categories).toEqual(['taxi', 'mileage']);
    expect(out.rateCard?.caps.taxi).toBe(1250);
    expect(out.rateCard?.caps.other).toBeUndefined();
    expect(out.rateCard?.mileage.car).toBe(52);
    expect(out.rateCard?.claimDeadlineDays).toBe(14);
  });

  it('no expenses offered: no card at all, so no claim is offered', () => {
    expect(toForm({}).offered).toBe(false);
    expect(fromForm({ ...toForm({ rateCard: DEMO_RATE_CARD }), offered: false }).rateCard).toBeUndefined();
  });

  it('names each field that is wrong, and gives no card', () => {
    const form = toForm({ rateCard: DEFAULT_RATE_CARD });
    const bad = fromForm({ ...form, mileage: { ...form.mileage, bicycle: 'twenty' }, claimDeadlineDays: '3.5', paymentOptions: [] });
    expect(bad.rateCard).toBeUndefined();
    expect(bad.errors.map((e) => e.target)).toEqual([fieldId.mileage('bicycle'), fieldId.deadline, fieldId.payment('bank')]);
    expect(bad.errors[0]?.text).toContain('Bicycle');
    const none = fromForm({ ...form, categories: [] });
    expect(none.errors).toEqual([{ target: fieldId.category('public_transport'), text: 'Categories offered: choose at least one' }]);
    expect(fromForm({ ...form, claimDeadlineDays: '9999' }).errors[0]?.target).toBe(fieldId.deadline);
  });

  it('points a refusal from the server at its field', () => {
    expect(serverFieldError('rateCard.caps.taxi: Invalid value')?.target).toBe(fieldId.cap('taxi'));
    expect(serverFieldError('content.rateCard.mileage.car: Invalid type')?.target).toBe(fieldId.mileage('car'));
    expect(serverFieldError('Not ready to publish: no title')).toBeNull();
  });
});
