/**
 * `/claim/:slug`: a claim for someone who attended without answering. The claim travels alone in its own
 * sealed bundle (no answers), written to the outbox in one transaction with its receipt photos.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { refreshQueue, syncNow } from '../../app/device';
import { getEngagement } from '../../db/engagements';
import { StorageFullError } from '../../db/index';
import type { EngagementRecord } from '../../db/schema';
import { format, locale, t } from '../../i18n/index';
import { offersExpenses } from '../../shared/engagement';
import { finishBundle } from '../participate/finish';
import { resetParticipant } from '../participate/state';
import { FormatChoice, LanguageChoice } from '../participate/steps/Start';
import { Actions, ErrorSummary, L } from '../participate/ui';
import { ClaimFlow } from './ClaimFlow';
import { Check } from './fields';
import { et, loadExpenseStrings } from './i18n';

/** Language and format on every claim page, as on the journey. */
function Bar({ locales, children }: { locales: string[]; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <div class={`journey format-${format.value}`}>
      <div class="journey-bar">
        <button
          type="button"
          class="button secondary small"
          aria-expanded={open}
          aria-controls="claim-settings"
          onClick={() => setOpen(!open)}
        >
          {t('nav.languageFormat')}
        </button>
      </div>
      {open && (
        <div id="claim-settings" class="settings-panel">
          <LanguageChoice locales={locales} />
          <FormatChoice />
          <button type="button" class="button primary small" onClick={() => setOpen(false)}>
            {t('nav.done')}
          </button>
        </div>
      )}
      {children}
    </div>
  );
}

type Stage = { kind: 'consent' } | { kind: 'claim' } | { kind: 'done'; reference: string };

export function ClaimOnly({ slug }: { slug: string }) {
  const [engagement, setEngagement] = useState<EngagementRecord | null | undefined>(undefined);
  const [stage, setStage] = useState<Stage>({ kind: 'consent' });
  const [consent, setConsent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  const { route } = useLocation();
  useEffect(() => {
    void getEngagement(slug).then((e) => setEngagement(e ?? null));
  }, [slug]);
  useEffect(() => {
    void loadExpenseStrings(locale.value).then(() => setReady(true));
  }, [locale.value]);
  if (engagement === undefined || !ready) return <p class="loading">{t('app.loading')}</p>;
  // an engagement without a valid rate card offers no claim
  if (engagement === null || !offersExpenses(engagement.content)) return <h1>{t('journey.notFound')}</h1>;
  const dl = engagement.content.defaultLocale;

  if (stage.kind === 'done')
    return (
      <div>
        <div class="panel-success">
          <h1>{et('done.heading')}</h1>
          <p>{et('done.saved')}</p>
        </div>
        <p>{t('done.referenceText')}</p>
        <p class="reference">{stage.reference}</p>
        <button type="button" class="button primary" onClick={() => void resetParticipant(dl).then(() => route('/', true))}>
          {t('done.finish')}
        </button>
      </div>
    );

  if (stage.kind === 'claim')
    return (
      <Bar locales={engagement.content.locales}>
        {error && <ErrorSummary errors={[{ target: 'main', text: error }]} />}
        <ClaimFlow
          engagement={engagement}
          busy={busy}
          onCancel={() => setStage({ kind: 'consent' })}
          onDone={async ({ claim, receipts }) => {
            setBusy(true);
            try {
              const { reference } = await finishBundle({
                engagement,
                answers: {},
                locale: locale.value,
                format: format.value,
                consentAt: consent ?? new Date().toISOString(),
                inputMethod: 'helped',
                attachments: receipts,
                claim,
              });
              setStage({ kind: 'done', reference });
              void refreshQueue();
              void syncNow();
            } catch (e) {
              setError(e instanceof StorageFullError ? t('check.storageFull') : t('check.saveFailed'));
            } finally {
              setBusy(false);
            }
          }}
        />
      </Bar>
    );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!consent) return setError(et('start.consentError'));
        setError(null);
        setStage({ kind: 'claim' });
      }}
    >
      {error && <ErrorSummary errors={[{ target: 'claim-consent', text: error }]} />}
      <h1>{et('start.heading')}</h1>
      <p>
        <L text={engagement.content.title} defaultLocale={dl} />
      </p>
      <p>{et('start.intro')}</p>
      <LanguageChoice locales={engagement.content.locales} />
      <FormatChoice />
      <h2>{t('about.privacy')}</h2>
      <p>
        <L text={engagement.content.privacy} defaultLocale={dl} />
      </p>
      <Check
        id="claim-consent"
        label={et('start.consent')}
        checked={!!consent}
        onChange={(v) => setConsent(v ? new Date().toISOString() : null)}
      />
      <Actions>
        <button type="submit" class="button primary">
          {et('nav.continue')}
        </button>
      </Actions>
    </form>
  );
}
// The journey's claim step loads ClaimFlow through this chunk: one claim chunk for both ways of claiming,
// so the bundler keeps the shared code (valibot, the db layer) off the participant's first load.
export { ClaimFlow } from './ClaimFlow';
