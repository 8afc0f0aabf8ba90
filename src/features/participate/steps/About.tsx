import { useState } from 'preact/hooks';
import type { EngagementRecord } from '../../../db/schema';
import { consent, go } from '../../../device/participant';
import { t } from '../../../i18n/index';
import { Actions, ErrorSummary, L, useText } from '../../../ui/ui';
import { ReadAloud } from '../ReadAloud';

export function About({ engagement }: { engagement: EngagementRecord }) {
  const { content } = engagement;
  const [error, setError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const dl = content.defaultLocale;
  const text = useText(dl);
  const purpose = text(content.purpose);
  const privacy = text(content.privacy);
  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        if (!consent.value) {
          setError(true);
          setAttempt(attempt + 1);
          return;
        }
        go({ kind: 'question', index: 0 });
      }}
    >
      {error && <ErrorSummary attempt={attempt} errors={[{ target: 'consent', text: t('about.consentError') }]} />}
      <h1>{t('about.heading')}</h1>
      <ReadAloud text={`${purpose.text} ${privacy.text}`} lang={purpose.lang} />
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
