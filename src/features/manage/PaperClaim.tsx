/** The expense claim part of a paper form, for an engagement that offers one (staff screens are English). */
import { formatPence } from '../../shared/money';
import { type PaymentMethod, type RateCard, VEHICLES } from '../../shared/ratecard';
import { type ClaimRaw, type LineRaw, newLine } from './paper-claim';
import { CATEGORY_NAMES, METHOD_NAMES, MILEAGE_NAMES } from './ratecard-names';
import { Field } from './ui';

function Select(p: { id: string; label: string; value: string; options: [string, string][]; set: (v: string) => void }) {
  return (
    <div class="field">
      <label class="label" for={p.id}>
        {p.label}
      </label>
      <select id={p.id} class="input" value={p.value} onChange={(e) => p.set(e.currentTarget.value)}>
        {p.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Line(p: { card: RateCard; n: number; line: LineRaw; set: (l: LineRaw) => void; remove: () => void }) {
  const { line, n } = p;
  const id = `paper-claim-${n}`;
  const measured = line.category === 'mileage' || line.category === 'childcare';
  return (
    <fieldset class="staff-paper-sub">
      <legend>Cost {n}</legend>
      <Select
        id={`${id}-category`}
        label="Kind of cost"
        value={line.category}
        options={p.card.categories.map((c) => [c, CATEGORY_NAMES[c]])}
        set={(c) => p.set({ ...line, category: c as LineRaw['category'] })}
      />
      {line.category === 'mileage' && (
        <Select
          id={`${id}-vehicle`}
          label="Vehicle"
          value={line.vehicle}
          options={VEHICLES.map((x) => [x, `${MILEAGE_NAMES[x]} (${formatPence(p.card.mileage[x], 'en-GB')} a mile)`])}
          set={(x) => p.set({ ...line, vehicle: x as LineRaw['vehicle'] })}
        />
      )}
      {measured ? (
        <Field
          id={`${id}-quantity`}
          label={line.category === 'mileage' ? 'Miles' : 'Hours'}
          value={line.quantity}
          onInput={(quantity) => p.set({ ...line, quantity })}
        />
      ) : (
        <Field id={`${id}-amount`} label="Amount in pounds" value={line.amount} onInput={(amount) => p.set({ ...line, amount })} />
      )}
      {line.category === 'childcare' && (
        <Field id={`${id}-rate`} label="Pounds an hour" value={line.rate} onInput={(rate) => p.set({ ...line, rate })} />
      )}
      <button type="button" class="button secondary small" onClick={p.remove}>
        Remove cost {n}
      </button>
    </fieldset>
  );
}

export function PaperClaim(p: { card: RateCard; methods: PaymentMethod[]; raw: ClaimRaw; set: (raw: ClaimRaw) => void }) {
  const { raw, card, set } = p;
  const lines = raw.lines;
  return (
    <fieldset class="staff-paper-q">
      <legend>Expense claim</legend>
      <div class="staff-choice">
        <input type="checkbox" id="paper-claim-made" checked={raw.made} onChange={(e) => set({ ...raw, made: e.currentTarget.checked })} />
        <label for="paper-claim-made">The form makes an expense claim</label>
      </div>
      {raw.made && (
        <>
          {lines.map((l, i) => (
            <Line
              key={i}
              card={card}
              n={i + 1}
              line={l}
              set={(next) => set({ ...raw, lines: lines.map((x, j) => (j === i ? next : x)) })}
              remove={() => set({ ...raw, lines: lines.filter((_, j) => j !== i) })}
            />
          ))}
          <p>
            <button type="button" class="button secondary" onClick={() => set({ ...raw, lines: [...lines, newLine(card)] })}>
              Add a cost
            </button>
          </p>
          {card.timePaymentPence > 0 && (
            <div class="staff-choice">
              <input
                type="checkbox"
                id="paper-claim-time"
                checked={raw.time}
                onChange={(e) => set({ ...raw, time: e.currentTarget.checked })}
              />
              <label for="paper-claim-time">The form accepts {formatPence(card.timePaymentPence, 'en-GB')} for their time</label>
            </div>
          )}
          <Select
            id="paper-claim-method"
            label="How the form asks to be paid"
            value={raw.method}
            options={[['', 'Choose'], ...p.methods.map((m): [string, string] => [m, METHOD_NAMES[m]])]}
            set={(m) => set({ ...raw, method: m as ClaimRaw['method'] })}
          />
          {raw.method === 'bank' && (
            <>
              <Field
                id="paper-claim-account-name"
                label="Name on the account"
                value={raw.accountName}
                onInput={(accountName) => set({ ...raw, accountName })}
              />
              <Field id="paper-claim-sort-code" label="Sort code" value={raw.sortCode} onInput={(sortCode) => set({ ...raw, sortCode })} />
              <Field
                id="paper-claim-account-number"
                label="Account number"
                value={raw.accountNumber}
                onInput={(accountNumber) => set({ ...raw, accountNumber })}
              />
            </>
          )}
          {raw.method === 'voucher' && (
            <Field
              id="paper-claim-voucher"
              label="Kind of voucher"
              value={raw.voucherType}
              onInput={(voucherType) => set({ ...raw, voucherType })}
            />
          )}
          <Field
            id="paper-claim-signed"
            label="Name signed on the declaration"
            hint="The person signed that the costs are true; type the name as signed."
            value={raw.signedName}
            onInput={(signedName) => set({ ...raw, signedName })}
          />
        </>
      )}
    </fieldset>
  );
}
