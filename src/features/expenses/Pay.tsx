/** Payment for time (after the benefits explanation) and how the participant wants to be paid. */
import { useState } from 'preact/hooks';
import { facilitatorLocale } from '../../device/facilitator';
import type { ClaimDraft } from '../../device/participant';
import { ltr, money } from '../../i18n/format';
import { dirOf } from '../../i18n/index';
import { checkBank, type Payment, PaymentSchema, type TimeChoice } from '../../shared/claims';
import { problemPaths } from '../../shared/issues';
import { LIMITS } from '../../shared/limits';
import { parsePounds, penceToDecimal } from '../../shared/money';
import type { PaymentMethod } from '../../shared/ratecard';
import { Actions, ErrorSummary, type FieldError } from '../../ui/ui';
import { Check, Radios, TextField } from './fields';
import { et, etFacilitator } from './i18n';

export function TimeStep({
  offered,
  value,
  onDone,
  onBack,
}: {
  offered: number;
  /** what the participant chose before (Change from Check answers, or Back) */
  value?: ClaimDraft['time'];
  onDone: (t: ClaimDraft['time']) => void;
  onBack: () => void;
}) {
  const [choice, setChoice] = useState<TimeChoice | undefined>(value?.choice);
  const [typed, setTyped] = useState(value?.choice === 'reduce' ? penceToDecimal(value.amountPence) : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const amount = money(offered);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return setErrors([{ target: 'time-accept', text: et('time.error') }]);
        const reduced = parsePounds(typed);
        if (choice === 'reduce' && (reduced === null || reduced >= offered))
          return setErrors([{ target: 'time-amount', text: et('time.reduceError', { amount }) }]);
        const pence = choice === 'accept' ? offered : choice === 'reduce' ? (reduced ?? 0) : 0;
        onDone({ choice, amountPence: pence });
      }}
    >
      <ErrorSummary errors={errors} />
      <h1>{et('time.heading')}</h1>
      <p>{et('time.offer', { amount })}</p>
      <div class="panel">
        <h2>{et('time.benefitsHeading')}</h2>
        <p>{et('time.benefits')}</p>
        <p>{et('time.expensesNotIncome')}</p>
        <p>{et('time.advice')}</p>
      </div>
      <Radios
        name="time"
        legend={et('time.question')}
        options={(['accept', 'reduce', 'decline', 'donate'] as const).map((c) => ({ value: c, label: et(`time.${c}`, { amount }) }))}
        value={choice}
        error={errors.find((x) => x.target === 'time-accept')?.text}
        onPick={setChoice}
      />
      {choice === 'reduce' && (
        <TextField
          id="time-amount"
          label={et('time.reduceAmount')}
          inputMode="decimal"
          ltr
          value={typed}
          error={errors.find((x) => x.target === 'time-amount')?.text}
          onInput={setTyped}
        />
      )}
      <Actions>
        <button type="submit" class="button primary">
          {et('nav.continue')}
        </button>
        <button type="button" class="button secondary" onClick={onBack}>
          {et('nav.back')}
        </button>
      </Actions>
    </form>
  );
}

export function PaymentStep(props: {
  options: PaymentMethod[];
  totalPence: number;
  /** what the participant chose before (Change from Check answers) */
  value?: Payment | undefined;
  /** the page reloaded after bank details were given: they are never kept, so they are asked again */
  askAgain?: boolean;
  onDone: (p: Payment) => void;
  onBack: () => void;
}) {
  const v = props.value;
  const [method, setMethod] = useState<PaymentMethod | undefined>(
    v?.method ?? (props.askAgain ? 'bank' : props.options.length === 1 ? props.options[0] : undefined),
  );
  const [f, setF] = useState({
    name: v?.method === 'bank' ? v.accountName : '',
    sortCode: v?.method === 'bank' ? v.sortCode : '',
    account: v?.method === 'bank' ? v.accountNumber : '',
    handed: penceToDecimal(v?.method === 'cash' ? v.handedOverPence : props.totalPence),
    voucherType: v?.method === 'voucher' ? v.voucherType : '',
    voucherCode: v?.method === 'voucher' ? (v.code ?? '') : '',
  });
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (k: keyof typeof f) => (value: string) => setF({ ...f, [k]: value });
  const err = (target: string) => errors.find((e) => e.target === target)?.text;

  const submit = (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    let payment: Payment | null = null;
    if (!method) found.push({ target: `method-${props.options[0]}`, text: et('pay.error') });
    else if (method === 'bank') {
      if (!f.name.trim()) found.push({ target: 'account-name', text: et('pay.nameError') });
      const bank = checkBank(f.sortCode, f.account);
      if (!bank.ok && bank.field === 'sortCode')
        found.push({ target: 'sort-code', text: et('pay.sortCodeError', { example: ltr('12-34-56') }) });
      if (!bank.ok && bank.field === 'accountNumber') found.push({ target: 'account-number', text: et('pay.accountError') });
      if (bank.ok && f.name.trim())
        payment = { method, accountName: f.name.trim(), sortCode: bank.sortCode, accountNumber: bank.accountNumber };
    } else if (method === 'cash') {
      const handed = parsePounds(f.handed);
      if (handed === null) found.push({ target: 'handed', text: etFacilitator('pay.handedError') });
      else payment = { method, handedOverPence: handed, facilitatorRecorded: true, participantConfirmed: confirmed };
    } else if (method === 'voucher') {
      if (!f.voucherType.trim()) found.push({ target: 'voucher-type', text: et('pay.voucherError') });
      else payment = { method, voucherType: f.voucherType.trim(), ...(f.voucherCode.trim() ? { code: f.voucherCode.trim() } : {}) };
    } else payment = { method: 'none' };
    // then the opener's own schema, so nothing it would refuse is sealed
    const target = { accountName: 'account-name', voucherType: 'voucher-type', code: 'voucher-code', handedOverPence: 'handed' };
    for (const path of payment ? problemPaths(PaymentSchema, payment) : [])
      found.push({ target: target[path as keyof typeof target] ?? `method-${props.options[0]}`, text: et('field.invalid') });
    setErrors(found);
    if (payment && found.length === 0) props.onDone(payment);
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      {props.askAgain && (
        <div class="panel" role="note">
          <p>{et('pay.askAgain')}</p>
        </div>
      )}
      <Radios
        name="method"
        legend={<h1>{et('pay.heading')}</h1>}
        options={props.options.map((m) => ({ value: m, label: et(`pay.${m}`), hint: et(`pay.${m}Hint`) }))}
        value={method}
        error={err(`method-${props.options[0]}`)}
        onPick={setMethod}
      />
      {method === 'bank' && (
        <>
          <TextField
            id="account-name"
            label={et('pay.name')}
            maxLength={LIMITS.accountName}
            value={f.name}
            error={err('account-name')}
            onInput={set('name')}
          />
          <TextField
            id="sort-code"
            label={et('pay.sortCode')}
            hint={et('pay.sortCodeHint', { example: ltr('12-34-56') })}
            inputMode="numeric"
            ltr
            value={f.sortCode}
            error={err('sort-code')}
            onInput={set('sortCode')}
          />
          <TextField
            id="account-number"
            label={et('pay.account')}
            hint={et('pay.accountHint')}
            inputMode="numeric"
            ltr
            value={f.account}
            error={err('account-number')}
            onInput={set('account')}
          />
        </>
      )}
      {method === 'cash' && (
        <div class="panel">
          {/* the facilitator's part, in the facilitator's language; the participant confirms in theirs */}
          <div lang={facilitatorLocale.value} dir={dirOf(facilitatorLocale.value)}>
            <h2>{etFacilitator('pay.cashFacilitator')}</h2>
            <TextField
              id="handed"
              label={etFacilitator('pay.handed')}
              inputMode="decimal"
              ltr
              value={f.handed}
              error={err('handed')}
              onInput={set('handed')}
            />
          </div>
          <Check id="cash-confirmed" label={et('pay.cashConfirm')} checked={confirmed} onChange={setConfirmed} />
        </div>
      )}
      {method === 'voucher' && (
        <>
          <TextField
            id="voucher-type"
            label={et('pay.voucherType')}
            maxLength={LIMITS.voucher}
            value={f.voucherType}
            error={err('voucher-type')}
            onInput={set('voucherType')}
          />
          <TextField
            id="voucher-code"
            label={et('pay.voucherCode')}
            maxLength={LIMITS.voucher}
            value={f.voucherCode}
            error={err('voucher-code')}
            onInput={set('voucherCode')}
          />
        </>
      )}
      <Actions>
        <button type="submit" class="button primary">
          {et('nav.continue')}
        </button>
        <button type="button" class="button secondary" onClick={props.onBack}>
          {et('nav.back')}
        </button>
      </Actions>
    </form>
  );
}
