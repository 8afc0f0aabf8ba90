import { readAloudAvailable } from '../../../a11y/read-aloud';
import type { EngagementRecord } from '../../../db/schema';
import { go, startedAt } from '../../../device/participant';
import { locale, t } from '../../../i18n/index';
import { FormatChoice, LanguageChoice } from '../../../ui/choices';
import { L } from '../../../ui/ui';
import { DisplayOptions } from '../DisplayOptions';

export function Start({ engagement }: { engagement: EngagementRecord }) {
  const { content } = engagement;
  return (
    <form
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        startedAt.value = new Date().toISOString();
        go({ kind: 'about' });
      }}
    >
      <h1>
        <L text={content.title} defaultLocale={content.defaultLocale} />
      </h1>
      <p class="lead">{t('start.welcome')}</p>
      <LanguageChoice locales={engagement.content.locales} />
      <FormatChoice />
      <DisplayOptions readAloud={readAloudAvailable(content, locale.value)} />
      <button type="submit" class="button primary">
        {t('start.begin')}
      </button>
      <p class="credits-link">
        <a class="text-link" href="/credits">
          {t('start.credits')}
        </a>
      </p>
    </form>
  );
}
