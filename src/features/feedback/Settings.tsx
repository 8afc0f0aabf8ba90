/** Language and format on every feedback page (DESIGN.md: on every page), as a small form. */
import { format, locale, setLocale } from '../../i18n/index';
import { LOCALE_INFO, LOCALES } from '../../shared/locales';
import { ft, loadFeedbackStrings } from './i18n';

export async function applyChoice(lng: string, fmt: string | null): Promise<void> {
  // this page's words first: changing the locale re-renders, and adding a bundle afterwards would not
  await loadFeedbackStrings(lng);
  await setLocale(lng);
  if (fmt === 'easy' || fmt === 'standard') format.value = fmt;
}

/** `offered`: the languages the feedback exists in (the reader's current one stays, so the choice shows the truth). */
export function Settings({ offered }: { offered?: readonly string[] }) {
  const shown = offered ? LOCALES.filter((l) => l === locale.value || offered.includes(l)) : LOCALES;
  return (
    <div class="feedback-settings no-print">
      <div class="field">
        <label class="label" for="feedback-language">
          {ft('language')}
        </label>
        <select
          id="feedback-language"
          class="input"
          value={locale.value}
          onChange={(e) => void applyChoice((e.currentTarget as HTMLSelectElement).value, null)}
        >
          {shown.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_INFO[l].name}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field">
        <legend class="label">{ft('format')}</legend>
        <div class="format-choice">
          {(['standard', 'easy'] as const).map((f) => (
            <label key={f} class="option">
              <input type="radio" name="feedback-format" value={f} checked={format.value === f} onChange={() => (format.value = f)} />
              {ft(f === 'easy' ? 'formatEasy' : 'formatStandard')}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
