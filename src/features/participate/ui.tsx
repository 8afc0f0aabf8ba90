import type { ComponentChildren } from 'preact';
import { dirOf, format, locale, t } from '../../i18n/index';
import { pickText, type Text } from '../../shared/engagement';

/** Engagement text in the participant's language and format, marked with its real language. */
export function useText(defaultLocale: string) {
  return (text: Text | undefined) => pickText(text, locale.value, format.value, defaultLocale);
}

export function L({ text, defaultLocale }: { text: Text | undefined; defaultLocale: string }) {
  const picked = pickText(text, locale.value, format.value, defaultLocale);
  if (picked.lang === locale.value) return <>{picked.text}</>;
  return (
    <span lang={picked.lang} dir={dirOf(picked.lang)}>
      {picked.text}
    </span>
  );
}

export interface FieldError {
  /** id of the input the summary links to */
  target: string;
  text: string;
}

/** GOV.UK-style error summary: it takes focus, and each entry links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('error.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.target}>
            <a
              href={`#${e.target}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.target)?.focus();
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Actions({ children }: { children: ComponentChildren }) {
  return <div class="actions">{children}</div>;
}
