/**
 * `/claim/:slug`: a claim for someone who attended without answering. The claim travels alone in its own
 * sealed bundle (no answers), written to the outbox in one transaction with its receipt photos.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getEngagement } from '../../db/engagement';
import { StorageFullError } from '../../db/index';
import type { EngagementRecord } from '../../db/schema';
import { buildClaim } from '../../device/claim';
import { refreshQueue, syncNow } from '../../device/device';
import { finishBundle } from '../../device/finish';
import { nextParticipant } from '../../device/handover';
import { claim, consent, go, startedAt, step } from '../../device/participant';
import { useHandOverPage } from '../../device/use-hand-over';
import { format, locale, t } from '../../i18n/index';
import { offersExpenses } from '../../shared/ratecard';
import { FormatChoice, LanguageChoice } from '../../ui/choices';
import { Loading } from '../../ui/Loading';
import { ReferenceCode } from '../../ui/Reference';
import { Actions, ErrorSummary, L } from '../../ui/ui';
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

export function ClaimOnly({ slug }: { slug: string }) {
  const [engagement, setEngagement] = useState<EngagementRecord | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void getEngagement(slug).then((e) => setEngagement(e ?? null));
  }, [slug]);
  useEffect(() => {
    void loadExpenseStrings(locale.value).then(() => setReady(true));
  }, [locale.value]);
  const handedOver = useHandOverPage(slug, 'claim', engagement ? engagement.content.defaultLocale : null);
  if (engagement === undefined || !ready || (engagement && !handedOver)) return <Loading />;
  // an engagement without a valid rate card offers no claim
  if (engagement === null || !offersExpenses(engagement.content)) return <h1>{t('journey.notFound')}</h1>;
  const dl = engagement.content.defaultLocale;
  const s = step.value;

  if (s.kind === 'done')
    return (
      <div>
        <div class="panel-success">
          <h1>{et('done.heading')}</h1>
          <p>{et('done.saved')}</p>
        </div>
        <ReferenceCode reference={s.reference} />
        <button type="button" class="button primary" onClick={() => void nextParticipant()}>
          {t('done.finish')}
        </button>
      </div>
    );

  if (s.kind === 'claim')
    return (
      <Bar locales={engagement.content.locales}>
        {error && <ErrorSummary errors={[{ target: 'main', text: error }]} />}
        <ClaimFlow
          engagement={engagement}
          busy={busy}
          onCancel={() => go({ kind: 'start' })}
          onDone={async () => {
            const p = claim.value;
            if (!p?.declaration) return;
            const { claim: sealed, receipts } = buildClaim(p.draft, p.declaration);
            setBusy(true);
            try {
              const { reference } = await finishBundle({
                engagement,
                answers: {},
                locale: locale.value,
                format: format.value,
                consentAt: startedAt.value ?? new Date().toISOString(),
                inputMethod: 'helped',
                attachments: receipts,
                claim: sealed,
              });
              go({ kind: 'done', reference });
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
        if (!consent.value) return setError(et('start.consentError'));
        setError(null);
        claim.value ??= { page: { kind: 'list' }, draft: { lines: [] }, done: false };
        go({ kind: 'claim' });
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
        checked={consent.value}
        onChange={(v) => {
          consent.value = v;
          startedAt.value = v ? new Date().toISOString() : null;
        }}
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
