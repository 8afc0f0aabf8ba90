/**
 * The claim flow, inside the journey or on its own: what the participant gives lives in the hand-over's
 * `claim` (src/device/participant.ts), so a reload or a Change from Check answers keeps every cost and
 * receipt photo; the hand-over's draft keeps it without bank details. Warnings are shown, never walls.
 */
import { useEffect, useState } from 'preact/hooks';
import { focusHeading } from '../../a11y/focus';
import type { EngagementRecord } from '../../db/schema';
import { type ClaimDraft, type ClaimPage, type ClaimProgress, claim } from '../../device/participant';
import { Money, money } from '../../i18n/format';
import { locale } from '../../i18n/index';
import { type Claim, claimTotal, lineWarnings } from '../../shared/claims';
import { offeredRateCard, paymentOptionsOf } from '../../shared/ratecard';
import { Loading } from '../../ui/Loading';
import { addStyles } from '../../ui/styles';
import { Actions, AskFirst, ErrorSummary } from '../../ui/ui';
import { DeclareStep } from './Declare';
import expensesCss from './expenses.css?url';
import { et, loadExpenseStrings } from './i18n';
import { CategoryStep, LineStep } from './LineForm';
import { PaymentStep, TimeStep } from './Pay';

void addStyles(expensesCss);

export interface ClaimFlowProps {
  engagement: EngagementRecord;
  busy?: boolean;
  /** the last button's words, when the claim is not sent at once (inside the journey: "Continue") */
  confirmLabel?: string;
  /** the participant declared: `claim` is done */
  onDone: () => void;
  onCancel: () => void;
}

const EMPTY: ClaimProgress = { page: { kind: 'list' }, draft: { lines: [] }, done: false };

export function ClaimFlow({ engagement, busy = false, confirmLabel, onDone, onCancel }: ClaimFlowProps) {
  const card = offeredRateCard(engagement.content);
  const [ready, setReady] = useState(false);
  const progress = claim.value ?? EMPTY;
  const { page: step, draft } = progress;
  const update = (patch: Partial<ClaimProgress>) => {
    claim.value = { ...(claim.value ?? EMPTY), ...patch };
  };
  // any change reopens the claim: Check shows it again only after the declaration
  const setStep = (page: ClaimPage) => update({ page, done: false });
  const setDraft = (next: ClaimDraft) => update({ draft: next, done: false });
  const [emptyError, setEmptyError] = useState(false);
  const lng = locale.value;
  useEffect(() => {
    setReady(false);
    void loadExpenseStrings(lng).then(() => setReady(true));
  }, [lng]);
  const stepKey = step.kind === 'line' ? `line-${step.category}` : step.kind;
  useEffect(() => {
    if (ready) focusHeading(document.getElementById('main') ?? document);
  }, [stepKey, ready]);
  if (!ready) return <Loading />;

  const timeOffered = card.timePaymentPence > 0;
  const afterLines = () => setStep(timeOffered ? { kind: 'time' } : { kind: 'payment' });
  const total = claimTotal([...draft.lines.map((d) => d.line), { amountPence: draft.time?.amountPence ?? 0 }]);

  switch (step.kind) {
    case 'category':
      return (
        <CategoryStep card={card} onPick={(category) => setStep({ kind: 'line', category })} onBack={() => setStep({ kind: 'list' })} />
      );
    case 'line':
      return (
        <LineStep
          card={card}
          category={step.category}
          onAdd={(d) => {
            setDraft({ ...draft, lines: [...draft.lines, d] });
            setEmptyError(false);
            setStep({ kind: 'list' });
          }}
          onBack={() => setStep({ kind: 'category' })}
        />
      );
    case 'time':
      return (
        <TimeStep
          offered={card.timePaymentPence}
          value={draft.time}
          onDone={(time) => {
            setDraft({ ...draft, time });
            setStep({ kind: 'payment' });
          }}
          onBack={() => setStep({ kind: 'list' })}
        />
      );
    case 'payment':
      return (
        <PaymentStep
          options={paymentOptionsOf(engagement.content)}
          totalPence={total}
          askAgain={!!progress.bankAgain}
          value={draft.payment}
          onDone={(payment) => update({ draft: { ...draft, payment }, page: { kind: 'declare' }, bankAgain: false, done: false })}
          onBack={() => setStep(timeOffered ? { kind: 'time' } : { kind: 'list' })}
        />
      );
    case 'declare':
      return (
        <DeclareStep
          value={progress.declaration}
          busy={busy}
          confirmLabel={confirmLabel}
          onDone={(d: Claim['declaration']) => {
            update({ declaration: d, done: true });
            onDone();
          }}
          onBack={() => setStep({ kind: 'payment' })}
        />
      );
  }

  const lines = draft.lines.map((d) => d.line);
  return (
    <div>
      {emptyError && <ErrorSummary errors={[{ target: 'add-cost', text: et('list.emptyError') }]} />}
      <h1>{et('list.heading')}</h1>
      <p>{et('list.intro')}</p>
      {draft.lines.length > 0 && (
        <>
          <ul class="card-list claim-lines">
            {draft.lines.map((d, i) => {
              const warnings = lineWarnings(card, d.line, i, lines);
              return (
                <li class="card" key={`${i}-${d.line.category}`}>
                  <h2>{et(`category.${d.line.category}`)}</h2>
                  <p class="amount">
                    <Money pence={d.line.amountPence} />
                  </p>
                  {d.receipt && <p data-testid="has-receipt">{et('list.hasReceipt')}</p>}
                  {warnings.length > 0 && (
                    <ul class="warnings">
                      {warnings.map((w) => (
                        <li key={w}>{et(`warn.${w}`)}</li>
                      ))}
                    </ul>
                  )}
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() => setDraft({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })}
                  >
                    {et('list.remove')}
                    <span class="visually-hidden"> {et(`category.${d.line.category}`)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <p class="lead">{et('list.total', { amount: money(claimTotal(lines)) })}</p>
        </>
      )}
      <Actions>
        <button type="button" id="add-cost" class="button secondary" onClick={() => setStep({ kind: 'category' })}>
          {draft.lines.length > 0 ? et('list.addAnother') : et('list.add')}
        </button>
        <button
          type="button"
          class="button primary"
          onClick={() => (draft.lines.length > 0 || timeOffered ? afterLines() : setEmptyError(true))}
        >
          {et('nav.continue')}
        </button>
        {/* with costs added (perhaps with their photos), one tap never throws them away */}
        <AskFirst
          id="no-claim"
          ask={draft.lines.length > 0}
          label={et('list.noClaim')}
          question={et('list.dropQuestion')}
          yes={et('list.dropYes')}
          no={et('list.dropNo')}
          onYes={onCancel}
        />
      </Actions>
    </div>
  );
}
