/** Small form pieces for the staff web (English only: staff screens are online and not for participants). */
import type { ComponentChildren } from 'preact';
import { dateTime } from '../../shared/date-time';

export function Problem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2>There is a problem</h2>
      <p>{message}</p>
    </div>
  );
}

export function Saved({ message }: { message: string | null }) {
  return (
    <p role="status" class="staff-status">
      {message ?? ''}
    </p>
  );
}

export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'search';
  autoComplete?: string;
  lang?: string;
  multiline?: boolean;
}) {
  const describedBy = props.hint ? `${props.id}-hint` : undefined;
  const dir: 'rtl' | undefined = props.lang && ['ar', 'ur', 'he', 'fa'].includes(props.lang) ? 'rtl' : undefined;
  const common = {
    id: props.id,
    class: 'input',
    value: props.value,
    lang: props.lang,
    dir,
    'aria-describedby': describedBy,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={describedBy}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input {...common} {...({ type: props.type ?? 'text' } as { type: 'text' })} autoComplete={props.autoComplete ?? 'off'} />
      )}
    </div>
  );
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="staff-page">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}

/** A moment on the staff pages, to the second, in UTC: "1 Dec 2026, 06:11:33 UTC". */
export const when = (iso: string | null) => (iso ? dateTime(iso, 'en-GB', { timeZone: 'UTC', seconds: true }) : 'never');
