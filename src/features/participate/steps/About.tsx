import { useState } from 'preact/hooks';
import type { EngagementRecord } from '../../../db/schema';
import { t } from '../../../i18n/index';
import { consent, go } from '../state';
import { Actions, ErrorSummary, L } from '../ui';

export function About({ engagement }: { engagement: EngagementRecord }) {
  const { content } = engagement;
  const [error, setError] = useState(false);
  const dl = content.defaultLocale;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!consent.value) {
          setError(true);
          return;
        }
        go({ kind: 'question', index: 0 });
      }}
    >
      {error && <ErrorSummary errors={[{ target: 'consent', text: t('about.consentError') }]} />}
      <h1>{t('about.heading')}</h1>
      <h2>{t('about.what')}</h2>
      <p>
        <L text={content.purpose} defaultLocale={dl} />
      </p>
      <h2>{t('about.privacy')}</h2>
      <p>
        <L text={content.privacy} defaultLocale={dl} />
      </p>
      <div class={`field${error ? ' field-error' : ''}`}>
        {error && (
          <p class="error-message" id="consent-error">
            {t('about.consentError')}
          </p>
        )}
        <label class="option">
          <input
            type="checkbox"
            id="consent"
            checked={consent.value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'consent-error' : undefined}
            onChange={(e) => {
              consent.value = e.currentTarget.checked;
              if (consent.value) setError(false);
            }}
          />
          <span>{t('about.consent')}</span>
        </label>
      </div>
      <Actions>
        <button type="submit" class="button primary">
          {t('nav.continue')}
        </button>
        <button type="button" class="button secondary" onClick={() => go({ kind: 'start' })}>
          {t('nav.back')}
        </button>
      </Actions>
    </form>
  );
}
