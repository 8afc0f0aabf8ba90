// This module is in the first load: keep it small, and import() what the first screen does not need.
import type { EngagementRecord } from '../../../db/schema';
import { format, locale, setLocale, t } from '../../../i18n/index';
import { LOCALE_INFO, type Locale } from '../../../shared/locales';
import { DisplayOptions } from '../DisplayOptions';
import { go, startedAt } from '../state';
import { L } from '../ui';

export function LanguageChoice({ locales }: { locales: string[] }) {
  return (
    <fieldset class="choice-group">
      <legend class="legend-m">{t('start.language')}</legend>
      <div class="lang-list">
        {(locales as Locale[])
          .filter((l) => l in LOCALE_INFO)
          .map((l) => (
            <label key={l} class="option" lang={l} dir={LOCALE_INFO[l].dir}>
              <input type="radio" name="language" value={l} checked={locale.value === l} onChange={() => void setLocale(l)} />
              <span>{LOCALE_INFO[l].name}</span>
            </label>
          ))}
      </div>
    </fieldset>
  );
}

export function FormatChoice() {
  return (
    <fieldset class="choice-group">
      <legend class="legend-m">{t('start.format')}</legend>
      <label class="option">
        <input type="radio" name="format" value="easy" checked={format.value === 'easy'} onChange={() => (format.value = 'easy')} />
        <span>
          <strong>{t('format.easy')}</strong>
          <span class="hint">{t('format.easyHint')}</span>
        </span>
      </label>
      <label class="option">
        <input
          type="radio"
          name="format"
          value="standard"
          checked={format.value === 'standard'}
          onChange={() => (format.value = 'standard')}
        />
        <span>
          <strong>{t('format.standard')}</strong>
          <span class="hint">{t('format.standardHint')}</span>
        </span>
      </label>
    </fieldset>
  );
}

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
      <DisplayOptions />
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
