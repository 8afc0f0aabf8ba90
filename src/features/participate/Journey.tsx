import { signal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { applyDisplay } from '../../a11y/display';
import { focusHeading } from '../../a11y/focus';
import { readAloudAvailable } from '../../a11y/read-aloud';
import { getEngagement } from '../../db/engagements';
import type { EngagementRecord } from '../../db/schema';
import { refreshQueue, syncNow } from '../../device/device';
import { nextParticipant } from '../../device/handover';
import { resetParticipant, step } from '../../device/participant';
import { useHandOverPage } from '../../device/use-hand-over';
import { format, locale, t } from '../../i18n/index';
import { offersExpenses } from '../../shared/engagement';
import { DisplayOptions } from './DisplayOptions';

type Later = typeof import('./steps/later');
const later = signal<Later | null>(null);
let loading: Promise<void> | null = null;
function loadLater(): Promise<void> {
  loading ??= import('./steps/later').then((m) => {
    later.value = m;
  });
  return loading;
}

import { FormatChoice, LanguageChoice } from '../../ui/choices';
import { Start } from './steps/Start';

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
          <DisplayOptions readAloud={readAloudAvailable(engagement.content, locale.value)} />
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
  const ready = useHandOverPage(slug, paper ? 'paper' : 'journey', stored ? stored.content.defaultLocale : null);
  const s = step.value;
  // the later steps' code is fetched once the participant is past the start page, never for the start page itself
  useEffect(() => {
    if (ready && s.kind !== 'start') void loadLater();
  }, [ready, s.kind]);

  // move focus to the new heading whenever the step changes (not on language or format changes)
  const stepKey = s.kind === 'question' ? `q${s.index}` : s.kind;
  useEffect(() => {
    if (engagement && ready) focusHeading(document.getElementById('main') ?? document);
  }, [stepKey, engagement, ready, later.value]);

  if (engagement === undefined || (engagement && !ready)) return <p class="loading">{t('app.loading')}</p>;
  if (engagement === null)
    return (
      <div>
        <h1>{t('journey.notFound')}</h1>
        <p>
          <a href="/">{t('journey.backHome')}</a>
        </p>
      </div>
    );

  const dl = engagement.content.defaultLocale;
  // Start again and Finish end this participant's turn; on a paper form the facilitator simply starts the next
  const reset = () => void (paper ? resetParticipant(dl) : nextParticipant());
  const L = later.value;
  const body = (() => {
    if (s.kind === 'start') return <Start engagement={engagement} />;
    if (!L) return <p class="loading">{t('app.loading')}</p>;
    const { About, Check, ClaimAsk, ClaimStep, Contact, Done, Monitoring, Question } = L;
    const offers = offersExpenses(engagement.content);
    switch (s.kind) {
      case 'about':
        return <About engagement={engagement} />;
      case 'question':
        return <Question engagement={engagement} index={s.index} key={s.index} />;
      case 'contact':
        return <Contact lastQuestion={engagement.content.questions.length - 1} />;
      case 'monitoring':
        return <Monitoring claim={offers} />;
      case 'claimAsk':
        return <ClaimAsk />;
      case 'claim':
        return <ClaimStep engagement={engagement} />;
      case 'check':
        return (
          <Check
            engagement={engagement}
            offersClaim={offers}
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
