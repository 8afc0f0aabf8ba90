/**
 * The claim inside the journey: a plain yes/no question after monitoring (where the engagement offers
 * expenses), then the claim flow of features/expenses, import()ed with the claim chunk so neither the
 * first load nor the journey's later chunk carries it. The question screen starts that import, so Yes is quick.
 */

import { useEffect } from 'preact/hooks';
import { claim, claimAnswered, go, goOnFrom, returnToCheck } from '../../../device/participant';
import { t } from '../../../i18n/index';
import { signal } from '../../../shared/signal';
import { Loading } from '../../../ui/Loading';
import { stylesLoaded } from '../../../ui/styles';
import { Actions } from '../../../ui/ui';
import type { ClaimFlowProps } from '../../expenses/ClaimFlow';

// through the ClaimOnly chunk (it re-exports ClaimFlow): importing ClaimFlow on its own adds ~1 KB to the first load
type Flow = typeof import('../../expenses/ClaimOnly');
const flow = signal<Flow | null>(null);
const failed = signal(false);
let loading: Promise<void> | null = null;
function loadClaimFlow(): Promise<void> {
  loading ??= import('../../expenses/ClaimOnly').then(stylesLoaded).then(
    (m) => {
      flow.value = m;
      failed.value = false;
    },
    () => {
      loading = null;
      failed.value = true;
    },
  );
  return loading;
}

/** Yes opens the claim (keeping one already begun); No means no claim. */
function answer(yes: boolean): void {
  claimAnswered.value = true;
  if (!yes) {
    claim.value = null;
    goOnFrom('claim');
    return;
  }
  claim.value ??= { page: { kind: 'list' }, draft: { lines: [] }, done: false };
  go({ kind: 'claim' });
}

export function ClaimAsk() {
  const onAnswer = answer;
  useEffect(() => void loadClaimFlow(), []);
  return (
    <div>
      <h1>{t('claimAsk.heading')}</h1>
      <p>{t('claimAsk.intro')}</p>
      <p>{t('claimAsk.help')}</p>
      <Actions>
        <button type="button" class="button primary" data-action="claim" onClick={() => onAnswer(true)}>
          {t('claimAsk.yes')}
        </button>
        <button type="button" class="button secondary" data-action="no-claim" onClick={() => onAnswer(false)}>
          {t('claimAsk.no')}
        </button>
        {!returnToCheck.value && (
          <button type="button" class="button secondary" onClick={() => go({ kind: 'monitoring' })}>
            {t('nav.back')}
          </button>
        )}
      </Actions>
    </div>
  );
}

/** The claim flow inside the journey: what it gathers lives in the hand-over's `claim` (and its draft). */
export function ClaimStep({ engagement }: Pick<ClaimFlowProps, 'engagement'>) {
  const props: ClaimFlowProps = {
    engagement,
    onDone: () => goOnFrom('claim'),
    onCancel: () => answer(false),
  };
  useEffect(() => void loadClaimFlow(), []);
  const F = flow.value;
  if (failed.value)
    return (
      <div class="error-summary" role="alert">
        <p>{t('claimAsk.loadFailed')}</p>
        <button type="button" class="button secondary" onClick={props.onCancel}>
          {t('nav.continue')}
        </button>
      </div>
    );
  if (!F) return <Loading />;
  return <F.ClaimFlow confirmLabel={t('nav.continue')} {...props} />;
}
