/** One cost: what it was for, then its details and receipt. Only unreadable numbers stop the participant. */
import { useState } from 'preact/hooks';
import { type DraftLine, type Receipt, settle, usePending } from '../../device/participant';
import { money } from '../../i18n/format';
import { type ClaimLine, ClaimLineSchema, mileageAmount } from '../../shared/claims';
import { problemPaths } from '../../shared/issues';
import { LIMITS } from '../../shared/limits';
import { lineAmount, parsePounds, parseQuantity } from '../../shared/money';
import { type Category, MEAL_BANDS, type MealBand, type RateCard, VEHICLES, type Vehicle } from '../../shared/ratecard';
import { Actions, ErrorSummary, type FieldError } from '../../ui/ui';
import { Check, Radios, TextField } from './fields';
import { et } from './i18n';
import { shrinkImage } from './photo';

export function CategoryStep({ card, onPick, onBack }: { card: RateCard; onPick: (c: Category) => void; onBack: () => void }) {
  const [value, setValue] = useState<Category | undefined>();
  const [error, setError] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onPick(value);
        else setError(true);
      }}
    >
      {error && <ErrorSummary errors={[{ target: `category-${card.categories[0]}`, text: et('category.error') }]} />}
      <Radios
        name="category"
        legend={<h1>{et('category.heading')}</h1>}
        options={card.categories.map((c) => ({ value: c, label: et(`category.${c}`) }))}
        value={value}
        error={error ? et('category.error') : undefined}
        onPick={(c) => {
          setValue(c);
          setError(false);
        }}
      />
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

const LINE_KEYS = ['line:fields', 'line:vehicle', 'line:band', 'line:receipt', 'line:noReceipt', 'line:declared'];

const TRAVEL: Category[] = ['public_transport', 'mileage', 'taxi', 'parking'];

export function LineStep({
  card,
  category,
  onAdd,
  onBack,
}: {
  card: RateCard;
  category: Category;
  onAdd: (d: DraftLine) => void;
  onBack: () => void;
}) {
  const [f, setF] = usePending('line:fields', {
    amount: '',
    miles: '',
    passengers: '0',
    hours: '',
    rate: '',
    from: '',
    to: '',
    reason: '',
    noReceiptReason: '',
  });
  // kept in the hand-over's draft: a camera app that reloads the page loses none of it
  const [vehicle, setVehicle] = usePending<Vehicle>('line:vehicle', 'car');
  const [band, setBand] = usePending<MealBand>('line:band', 'over5h');
  const [receipt, setReceipt] = usePending<Receipt | null>('line:receipt', null);
  const [noReceipt, setNoReceipt] = usePending('line:noReceipt', false);
  const [declared, setDeclared] = usePending('line:declared', false);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (k: keyof typeof f) => (value: string) => setF({ ...f, [k]: value });
  const err = (target: string) => errors.find((e) => e.target === target)?.text;

  const miles = parseQuantity(f.miles);
  const passengers = Number.parseInt(f.passengers || '0', 10);
  const hours = parseQuantity(f.hours);
  const rate = parsePounds(f.rate);
  const computed =
    category === 'mileage' && miles !== null && passengers >= 0 && passengers <= 8
      ? mileageAmount(card, miles, vehicle, passengers)
      : category === 'childcare' && hours !== null && rate !== null
        ? lineAmount(hours, rate)
        : null;

  const submit = (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    const line: ClaimLine = { category, amountPence: 0 };
    if (category === 'mileage') {
      if (miles === null) found.push({ target: 'miles', text: et('line.milesError') });
      if (!(passengers >= 0 && passengers <= 8) || !/^\d*$/.test(f.passengers))
        found.push({ target: 'passengers', text: et('line.passengersError') });
      Object.assign(line, {
        vehicle,
        passengers,
        quantityMilli: miles ?? 0,
        ratePence: card.mileage[vehicle] + passengers * card.mileage.passenger,
      });
    } else if (category === 'childcare') {
      if (hours === null) found.push({ target: 'hours', text: et('line.hoursError') });
      if (rate === null) found.push({ target: 'rate', text: et('line.amountError') });
      Object.assign(line, { quantityMilli: hours ?? 0, ratePence: rate ?? 0 });
    } else {
      const amount = parsePounds(f.amount);
      if (amount === null) found.push({ target: 'amount', text: et('line.amountError') });
      line.amountPence = amount ?? 0;
      if (category === 'meals') line.mealBand = band;
    }
    setErrors(found);
    if (found.length > 0) return;
    if (computed !== null) line.amountPence = computed;
    if (TRAVEL.includes(category))
      Object.assign(line, f.from.trim() ? { from: f.from.trim() } : {}, f.to.trim() ? { to: f.to.trim() } : {});
    if (f.reason.trim()) line.reason = f.reason.trim();
    if (receipt) Object.assign(line, { receipt: 0, receiptSha256: receipt.sha256 });
    else if (noReceipt && f.noReceiptReason.trim()) line.noReceiptReason = f.noReceiptReason.trim();
    if (category === 'childcare' && !receipt && declared) line.childcareDeclared = true;
    // then the opener's own schema, so a line it would refuse is never added
    const target: Record<string, string> = { from: 'from', to: 'to', reason: 'reason', noReceiptReason: 'no-receipt-reason' };
    const refused = problemPaths(ClaimLineSchema, line).map((p) => ({ target: target[p] ?? 'amount', text: et('field.invalid') }));
    if (refused.length > 0) return setErrors(refused);
    settle(...LINE_KEYS);
    onAdd({ line, ...(receipt ? { receipt } : {}) });
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setPhotoBusy(true);
    try {
      setReceipt(await shrinkImage(file));
      setNoReceipt(false);
    } catch {
      setErrors([{ target: 'receipt', text: et('receipt.error') }]);
    } finally {
      setPhotoBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h1>{et(`category.${category}`)}</h1>
      {TRAVEL.includes(category) && (
        <>
          <TextField id="from" label={et('line.from')} maxLength={LIMITS.place} value={f.from} error={err('from')} onInput={set('from')} />
          <TextField id="to" label={et('line.to')} maxLength={LIMITS.place} value={f.to} error={err('to')} onInput={set('to')} />
        </>
      )}
      {category === 'mileage' && (
        <>
          <Radios
            name="vehicle"
            legend={et('line.vehicle')}
            options={VEHICLES.map((v) => ({ value: v, label: et(`vehicle.${v}`, { rate: money(card.mileage[v]) }) }))}
            value={vehicle}
            onPick={setVehicle}
          />
          <TextField
            id="miles"
            ltr
            label={et('line.miles')}
            hint={et('line.milesHint')}
            inputMode="decimal"
            value={f.miles}
            error={err('miles')}
            onInput={set('miles')}
          />
          <TextField
            id="passengers"
            ltr
            label={et('line.passengers')}
            hint={et('line.passengersHint', { rate: money(card.mileage.passenger) })}
            inputMode="numeric"
            value={f.passengers}
            error={err('passengers')}
            onInput={set('passengers')}
          />
        </>
      )}
      {category === 'childcare' && (
        <>
          <TextField
            id="hours"
            ltr
            label={et('line.hours')}
            hint={et('line.hoursHint')}
            inputMode="decimal"
            value={f.hours}
            error={err('hours')}
            onInput={set('hours')}
          />
          <TextField
            id="rate"
            ltr
            label={et('line.rate')}
            hint={et('line.rateHint', { cap: money(card.childcareHourlyCap) })}
            inputMode="decimal"
            value={f.rate}
            error={err('rate')}
            onInput={set('rate')}
          />
        </>
      )}
      {category === 'meals' && (
        <Radios
          name="band"
          legend={et('line.mealBand')}
          options={MEAL_BANDS.map((b) => ({ value: b, label: et(`meals.${b}`, { cap: money(card.meals[b]) }) }))}
          value={band}
          onPick={setBand}
        />
      )}
      {computed === null && category !== 'mileage' && category !== 'childcare' && (
        <TextField
          id="amount"
          ltr
          label={et('line.amount')}
          hint={et('line.amountHint')}
          inputMode="decimal"
          value={f.amount}
          error={err('amount')}
          onInput={set('amount')}
        />
      )}
      {computed !== null && (
        <p class="lead" aria-live="polite">
          {et('line.computed', { amount: money(computed) })}
        </p>
      )}
      {(category === 'taxi' || category === 'other') && (
        <TextField
          id="reason"
          label={et(category === 'taxi' ? 'line.reasonTaxi' : 'line.reasonOther')}
          multiline
          maxLength={LIMITS.reason}
          value={f.reason}
          error={err('reason')}
          onInput={set('reason')}
        />
      )}
      {category !== 'mileage' && (
        <div class={`field${err('receipt') ? ' field-error' : ''}`}>
          <h2>{et('receipt.heading')}</h2>
          {err('receipt') && (
            <p class="error-message" id="receipt-error">
              {err('receipt')}
            </p>
          )}
          <label class="button secondary file-button" for="receipt">
            {receipt ? et('receipt.replace') : et('receipt.take')}
          </label>
          <input
            id="receipt"
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
          <p role="status" class="hint">
            {photoBusy ? et('receipt.working') : receipt ? et('receipt.added', { kb: Math.round(receipt.bytes.byteLength / 1024) }) : ''}
          </p>
          {!receipt && <Check id="no-receipt" label={et('receipt.none')} checked={noReceipt} onChange={setNoReceipt} />}
          {!receipt && noReceipt && (
            <TextField
              id="no-receipt-reason"
              label={et('receipt.noneReason')}
              multiline
              maxLength={LIMITS.reason}
              value={f.noReceiptReason}
              error={err('no-receipt-reason')}
              onInput={set('noReceiptReason')}
            />
          )}
          {!receipt && category === 'childcare' && (
            <Check id="childcare-declared" label={et('receipt.childcareDeclaration')} checked={declared} onChange={setDeclared} />
          )}
        </div>
      )}
      <Actions>
        <button type="submit" class="button primary" disabled={photoBusy}>
          {et('line.add')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            settle(...LINE_KEYS);
            onBack();
          }}
        >
          {et('nav.back')}
        </button>
      </Actions>
    </form>
  );
}
