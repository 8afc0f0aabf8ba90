/** The participant's language and format, on the start page and in the settings of every page. */
import { chosenLocale, format, setLocale, t } from '../i18n/index';
import { LOCALE_INFO, type Locale } from '../shared/locales';

export function LanguageChoice({ locales }: { locales: string[] }) {
  return (
    <fieldset class="choice-group">
      <legend class="legend-m">{t('start.language')}</legend>
      <div class="lang-list">
        {(locales as Locale[])
          .filter((l) => l in LOCALE_INFO)
          .map((l) => (
            <label key={l} class="option" lang={l} dir={LOCALE_INFO[l].dir}>
              {/* checked by the language asked for, not the one loaded: a render while it loads must not undo an arrow key */}
              <input type="radio" name="language" value={l} checked={chosenLocale.value === l} onChange={() => void setLocale(l)} />
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
