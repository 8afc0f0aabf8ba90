import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dirOf, format, locale, t } from '../i18n/index';
import { type Picture as PictureRef, pickText, type Text } from '../shared/engagement';

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

/** A pictogram beside its words; the words carry the meaning, so the picture itself is decorative. */
export function Picture({ picture, large }: { picture: PictureRef | undefined; large?: boolean }) {
  if (!picture) return null;
  return <img class={large ? 'pictogram pictogram-large' : 'pictogram'} src={picture.src} alt="" width={48} height={48} />;
}

export interface FieldError {
  /** id of the input the summary links to */
  target: string;
  text: string;
}

/** GOV.UK-style error summary: it takes focus, and each entry links to its field. */
export function ErrorSummary({ errors, attempt = 0, title }: { errors: FieldError[]; attempt?: number; title?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // focus on each failed submit (attempt), never while the person is typing or choosing
  const signature = errors.map((e) => `${e.target}:${e.text}`).join('|');
  useEffect(() => {
    if (signature) box.current?.focus();
  }, [signature, attempt]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title ?? t('error.summaryTitle')}</h2>
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

/**
 * A button whose action throws away what a participant gave (Start again, No claim): pressed, it asks first, the
 * question taking focus once, and only "yes" acts. `ask` false: nothing would be lost, so it acts at once.
 */
export function AskFirst(p: {
  id: string;
  label: string;
  question: string;
  yes: string;
  no: string;
  onYes: () => void;
  ask?: boolean;
  small?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const size = p.small ? ' small' : '';
  if (!(asking && p.ask !== false))
    return (
      <button
        type="button"
        id={p.id}
        class={`button secondary${size}`}
        aria-expanded="false"
        onClick={() => (p.ask === false ? p.onYes() : setAsking(true))}
      >
        {p.label}
      </button>
    );
  return (
    <div class="confirm">
      <p id={`${p.id}-q`} tabIndex={-1} ref={question}>
        {p.question}
      </p>
      <button type="button" class={`button warning${size}`} onClick={p.onYes}>
        {p.yes}
      </button>
      <button type="button" id={`${p.id}-keep`} class={`button secondary${size}`} onClick={() => setAsking(false)}>
        {p.no}
      </button>
    </div>
  );
}
