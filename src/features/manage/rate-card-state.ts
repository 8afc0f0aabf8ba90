/** The rate card form's state, kept while the organiser moves between builder tabs, and its problems. */
import { signal } from '../../shared/signal';
import { current, update } from './content';
import { type FieldError, fromForm, type RateCardForm, serverFieldError, toForm } from './ratecard-form';

const edited = signal<{ id: string; form: RateCardForm } | null>(null);
/** the problems shown in the error summary and beside each field */
export const rateErrors = signal<FieldError[]>([]);
/** counts the saves and publishes that found problems: the summary takes focus on each, never while typing */
export const rateAttempt = signal(0);

/** The form for the engagement open in the builder: as edited, or as its draft holds it. */
export function rateForm(): RateCardForm | null {
  const c = current.value;
  if (!c) return null;
  return edited.value?.id === c.id ? edited.value.form : toForm(c.content);
}

export function editRateForm(fn: (f: RateCardForm) => RateCardForm): void {
  const c = current.value;
  const f = rateForm();
  if (!c || !f) return;
  const form = fn(f);
  edited.value = { id: c.id, form };
  // problems are found again on the next save (the GOV.UK pattern), never while the organiser types
  const out = fromForm(form);
  if (out.errors.length === 0) update((d) => ({ ...d, rateCard: out.rateCard, paymentOptions: out.paymentOptions }));
}

/** Before saving or publishing: the form's problems (none when the form was never touched). */
export function checkRateCard(): FieldError[] {
  const c = current.value;
  const errors = c && edited.value?.id === c.id ? fromForm(edited.value.form).errors : [];
  rateErrors.value = errors;
  if (errors.length) rateAttempt.value++;
  return errors;
}

/** A refusal from the server: true when it named a rate card field (now shown beside it). */
export function showServerProblem(message: string): boolean {
  const e = serverFieldError(message);
  if (e) {
    rateErrors.value = [e];
    rateAttempt.value++;
  }
  return e !== null;
}
