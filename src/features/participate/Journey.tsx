// This module is in the first load: keep it small, and import() what the first screen does not need.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { focusHeading } from '../../a11y/focus';
import { refreshQueue, syncNow } from '../../app/device';
import { getEngagement } from '../../db/engagements';
import type { EngagementRecord } from '../../db/schema';
import { format, locale, t } from '../../i18n/index';
import { offersExpenses } from '../../shared/engagement';
import type { ClaimResult } from '../expenses/draft';
import { DisplayOptions } from './DisplayOptions';
import { applyDisplay } from './display';
import { startDraftAutosave } from './draft-autosave';
import { claimMade, go, goOnFrom, resetParticipant, step } from './state';
import { laterSteps, loadStepsFor, questionSteps } from './step-chunks';
import { FormatChoice, LanguageChoice, Start } from './steps/Start';

function StartAgain({ onConfirm }: { onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="button secondary small" aria-expanded="false" onClick={() => setAsking(true)}>
        {t('nav.startAgain')}
      </button>
    );
  return (
    <div class="confirm">
      <p id="start-again-q" tabIndex={-1} ref={(el) => el?.focus()}>
        {t('startAgain.question')}
      </p>
      <button type="button" class="button warning small" onClick={onConfirm}>
        {t('startAgain.yes')}
      </button>
      <button type="button" class="button secondary small" onClick={() => setAsking(false)}>
        {t('startAgain.no')}
      </button>
    </div>
  );
}

function Settings({ engagement }: { engagement: EngagementRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="settings">
      <button
        type="button"
        class="button secondary small"
        aria-expanded={open}
        aria-controls="journey-settings"
        onClick={() => setOpen(!open)}
      >
        {t('nav.languageFormat')}
      </button>
      {open && (
        <div id="journey-settings" class="settings-panel">
          <LanguageChoice locales={engagement.content.locales} />
          <FormatChoice />
          <DisplayOptions />
          <button type="button" class="button primary small" onClick={() => setOpen(false)}>
            {t('nav.done')}
          </button>
        </div>
      )}
    </div>
  );
}

/** On a paper form a voice question was answered in writing, so it is typed in as text. */
function forPaper(e: EngagementRecord): EngagementRecord {
  const questions = e.content.questions.map((q) => (q.type === 'voice' ? { ...q, type: 'text' as const } : q));
  return { ...e, content: { ...e.content, questions } };
}

/** `paper`: a facilitator types in a paper form (input method "paper"); each form is its own bundle. */
export function Journey({ slug, paper = false }: { slug: string; paper?: boolean }) {
  const [stored, setEngagement] = useState<EngagementRecord | null | undefined>(undefined);
  const engagement = useMemo(() => (stored && paper ? forPaper(stored) : stored), [stored, paper]);
  useEffect(() => {
    void getEngagement(slug).then((e) => setEngagement(e ?? null));
  }, [slug]);
  useEffect(applyDisplay, []);
  // leaving the journey (the facilitator's Back, or a link) forgets the participant, as Start again does
  useEffect(
    () => () => {
      if (step.value.kind !== 'start') void resetParticipant(engagement?.content.defaultLocale ?? 'en');
    },
    [engagement],
  );
  // a paper form's draft is never offered back to a participant, nor theirs to the paper form
  useEffect(() => startDraftAutosave(paper ? `paper:${slug}` : slug), [slug, paper]);
  // the claim (bank details included) lives here only, until Check seals it; forgotten with the participant
  const [claim, setClaim] = useState<ClaimResult | null>(null);
  const s = step.value;
  useEffect(() => {
    if (s.kind === 'start' || s.kind === 'done') setClaim(null);
  }, [s.kind]);
  useEffect(() => {
    if (engagement) loadStepsFor(s, engagement.content.questions.length);
  }, [s, engagement]);
  const keepClaim = (c: ClaimResult | null) => {
    setClaim(c);
    claimMade.value = c !== null;
    goOnFrom('claim');
  };

  // move focus to the new heading whenever the step changes (not on language or format changes)
  const stepKey = s.kind === 'question' ? `q${s.index}` : s.kind;
  useEffect(() => {
    if (engagement) focusHeading(document.getElementById('main') ?? document);
  }, [stepKey, engagement, questionSteps.mod.value, laterSteps.mod.value]);

  if (engagement === undefined) return <p class="loading">{t('app.loading')}</p>;
  if (engagement === null)
    return (
      <div>
        <h1>{t('journey.notFound')}</h1>
        <p>
          <a href="/">{t('journey.backHome')}</a>
        </p>
      </div>
    );

  const reset = () => void resetParticipant(engagement.content.defaultLocale);
  const loadingStep = <p class="loading">{t('app.loading')}</p>;
  const body = (() => {
    if (s.kind === 'start') return <Start engagement={engagement} />;
    if (s.kind === 'about' || s.kind === 'question') {
      const Q = questionSteps.mod.value;
      if (!Q) return loadingStep;
      if (s.kind === 'about') return <Q.About engagement={engagement} />;
      return <Q.Question engagement={engagement} index={s.index} key={s.index} />;
    }
    const L = laterSteps.mod.value;
    if (!L) return loadingStep;
    const { Check, ClaimAsk, ClaimStep, Contact, Done, Monitoring } = L;
    const offers = offersExpenses(engagement.content);
    switch (s.kind) {
      case 'contact':
        return <Contact lastQuestion={engagement.content.questions.length - 1} />;
      case 'monitoring':
        return <Monitoring claim={offers} />;
      case 'claimAsk':
        return <ClaimAsk onAnswer={(yes) => (yes ? go({ kind: 'claim' }) : keepClaim(null))} />;
      case 'claim':
        // receipts come first among the bundle's attachments (offset 0); Check puts the voice clips after them
        return <ClaimStep engagement={engagement} onDone={keepClaim} onCancel={() => keepClaim(null)} />;
      case 'check':
        return (
          <Check
            engagement={engagement}
            claim={offers ? claim : undefined}
            inputMethod={paper ? 'paper' : undefined}
            onSaved={() => {
              void refreshQueue();
              void syncNow();
            }}
          />
        );
      case 'done':
        return <Done reference={s.reference} onFinish={reset} paper={paper} />;
    }
  })();

  return (
    <div class={`journey format-${format.value}`} data-locale={locale.value}>
      {s.kind !== 'start' && s.kind !== 'done' && (
        <div class="journey-bar">
          <StartAgain onConfirm={reset} />
          <Settings engagement={engagement} />
        </div>
      )}
      {paper && s.kind !== 'done' && <p class="paper-banner">{t('paper.banner')}</p>}
      {body}
    </div>
  );
}
