/** Builder: the rate card as a form (what may be claimed, at what rates, paid how), checked by the shared schema. */
import { CATEGORIES, type Category, MEAL_BANDS, PAYMENT_METHODS } from '../../shared/ratecard';
import { ErrorSummary } from '../../ui/ui';
import { Group, Input, Ticks } from './RateCardFields';
import { editRateForm, rateAttempt, rateErrors, rateForm } from './rate-card-state';
import { fieldId } from './ratecard-form';
import { CATEGORY_NAMES, MEAL_NAMES, METHOD_NAMES, MILEAGE, MILEAGE_NAMES } from './ratecard-names';

/** The GOV.UK error summary for the rate card: it takes focus on each save that found problems, and links to each field. */
export function RateCardSummary() {
  return <ErrorSummary errors={rateErrors.value} attempt={rateAttempt.value} title="There is a problem with the rate card" />;
}

export function BuilderRateCard() {
  const f = rateForm();
  if (!f) return null;
  const set = editRateForm;
  const cats = (chosen: Category[]) => CATEGORIES.filter((c) => chosen.includes(c));
  return (
    <section aria-labelledby="rate-card-heading">
      <h2 id="rate-card-heading">Expenses and payment</h2>
      <div class="checkbox">
        <input
          type="checkbox"
          id={fieldId.offered}
          checked={f.offered}
          onChange={(e) => set((x) => ({ ...x, offered: e.currentTarget.checked }))}
        />
        <label for={fieldId.offered}>This engagement offers expenses</label>
      </div>
      <p class="hint">When this is off there is no rate card, and devices offer no claim.</p>
      {f.offered && (
        <>
          <Group id="rc-categories" legend="Categories offered">
            <Ticks
              keys={CATEGORIES}
              names={CATEGORY_NAMES}
              chosen={f.categories}
              id={fieldId.category}
              set={(categories) => set((x) => ({ ...x, categories }))}
            />
          </Group>
          <Group
            id="rc-mileage"
            legend="Mileage: pounds per mile"
            hint="HMRC approved rates are 0.45 (car), 0.24 (motorcycle), 0.20 (bicycle), 0.05 (each passenger)."
          >
            {MILEAGE.map((m) => (
              <Input
                key={m}
                id={fieldId.mileage(m)}
                label={MILEAGE_NAMES[m]}
                pounds
                value={f.mileage[m]}
                onInput={(v) => set((x) => ({ ...x, mileage: { ...x.mileage, [m]: v } }))}
              />
            ))}
          </Group>
          <Group id="rc-meals" legend="Meals: most paid for a day">
            {MEAL_BANDS.map((m) => (
              <Input
                key={m}
                id={fieldId.meal(m)}
                label={MEAL_NAMES[m]}
                pounds
                value={f.meals[m]}
                onInput={(v) => set((x) => ({ ...x, meals: { ...x.meals, [m]: v } }))}
              />
            ))}
          </Group>
          <Input
            id={fieldId.childcare}
            label="Childcare or replacement care: most paid per hour"
            pounds
            value={f.childcareHourlyCap}
            onInput={(v) => set((x) => ({ ...x, childcareHourlyCap: v }))}
          />
          <Group id="rc-caps" legend="Most paid per line" hint="Leave empty for no cap.">
            {cats(f.categories).map((c) => (
              <Input
                key={c}
                id={fieldId.cap(c)}
                label={CATEGORY_NAMES[c]}
                pounds
                value={f.caps[c]}
                onInput={(v) => set((x) => ({ ...x, caps: { ...x.caps, [c]: v } }))}
              />
            ))}
          </Group>
          <Group
            id="rc-receipts"
            legend="Receipts needed for"
            hint="A missing receipt is a warning for finance, never a wall for the participant."
          >
            <Ticks
              keys={cats(f.categories)}
              names={CATEGORY_NAMES}
              chosen={f.receiptRequired}
              id={fieldId.receipt}
              set={(receiptRequired) => set((x) => ({ ...x, receiptRequired }))}
            />
          </Group>
          <Input
            id={fieldId.deadline}
            label="Claim deadline: days after the session"
            hint="A claim made later is marked late for finance."
            value={f.claimDeadlineDays}
            onInput={(v) => set((x) => ({ ...x, claimDeadlineDays: v }))}
          />
          <Input
            id={fieldId.second}
            label="A second finance approver is needed above"
            pounds
            value={f.secondApproverAbove}
            onInput={(v) => set((x) => ({ ...x, secondApproverAbove: v }))}
          />
          <Input
            id={fieldId.time}
            label="Payment for time"
            hint="What a participant is paid for taking part. 0.00 means it is not offered."
            pounds
            value={f.timePayment}
            onInput={(v) => set((x) => ({ ...x, timePayment: v }))}
          />
          <Group id="rc-payments" legend="Payment options offered">
            <Ticks
              keys={PAYMENT_METHODS}
              names={METHOD_NAMES}
              chosen={f.paymentOptions}
              id={fieldId.payment}
              set={(paymentOptions) => set((x) => ({ ...x, paymentOptions }))}
            />
          </Group>
        </>
      )}
    </section>
  );
}
