import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { applyDisplay } from '../../a11y/display';
import { focusHeadingNow } from '../../a11y/focus';
import { readAloudAvailable } from '../../a11y/read-aloud';
import { getEngagement } from '../../db/engagement';
import type { EngagementRecord } from '../../db/schema';
import { nextParticipant } from '../../device/handover';
import { resetParticipant, step } from '../../device/participant';
import { useHandOverPage } from '../../device/use-hand-over';
import { format, locale, t } from '../../i18n/index';
import { FormatChoice, LanguageChoice } from '../../ui/choices';
import { Loading } from '../../ui/Loading';
import { AskFirst } from '../../ui/ui';
import { DisplayOptions } from './DisplayOptions';
import { laterSteps, loadStepsFor, questionSteps } from './step-chunks';
import { Start } from './steps/Start';

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
  // each step's code is fetched when the participant gets near it, never for the start page
  useEffect(() => {
    if (engagement && ready) loadStepsFor(s, engagement.content.questions);
  }, [s, engagement, ready]);

  // Focus moves to the new heading once, when a step first shows: not on language or format changes, and not
  // when a chunk for a later step arrives (that would pull focus out of a field the participant is typing in).
  // A layout effect, so it lands before the participant's next key press, not after it.
  const stepKey = s.kind === 'question' ? `q${s.index}` : s.kind;
  const stepCode = s.kind === 'start' || (s.kind === 'about' || s.kind === 'question' ? questionSteps.mod.value : laterSteps.mod.value);
  const shown = engagement && ready && stepCode ? stepKey : null;
  useLayoutEffect(() => {
    if (shown) focusHeadingNow(document.getElementById('main') ?? document);
  }, [shown]);

  if (engagement === undefined || (engagement && !ready)) return <Loading />;
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
  const loadingStep = <Loading />;
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
    return <L.LaterStep step={s} engagement={engagement} paper={paper} onFinish={reset} />;
  })();

  return (
    <div class={`journey format-${format.value}`} data-locale={locale.value}>
      {s.kind !== 'start' && s.kind !== 'done' && (
        <div class="journey-bar">
          <AskFirst
            id="start-again"
            small
            label={t('nav.startAgain')}
            question={t('startAgain.question')}
            yes={t('startAgain.yes')}
            no={t('startAgain.no')}
            onYes={reset}
          />
          <Settings engagement={engagement} />
        </div>
      )}
      {paper && s.kind !== 'done' && <p class="paper-banner">{t('paper.banner')}</p>}
      {body}
    </div>
  );
}
