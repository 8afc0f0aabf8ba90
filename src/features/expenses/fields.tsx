/** Small form pieces the claim screens share: labelled inputs and radios with their error text. */
import type { ComponentChildren } from 'preact';

export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  autoComplete?: string;
  multiline?: boolean;
  /** the shared schema's limit (src/shared/limits.ts), so nothing longer can be typed */
  maxLength?: number;
  /** numbers and codes (amounts, sort codes, account numbers) are typed left to right in every language */
  ltr?: boolean;
  onInput: (value: string) => void;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described,
    autoComplete: props.autoComplete ?? 'off',
    dir: props.ltr ? ('ltr' as const) : ('auto' as const),
    maxLength: props.maxLength,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${props.error ? ' field-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.multiline ? (
        <textarea class="textarea" rows={3} {...common} />
      ) : (
        <input class="input" type="text" inputMode={props.inputMode ?? 'text'} spellcheck={false} {...common} />
      )}
    </div>
  );
}

export function Radios<T extends string>(props: {
  name: string;
  legend: ComponentChildren;
  options: readonly { value: T; label: string; hint?: string }[];
  value: T | undefined;
  error?: string;
  onPick: (value: T) => void;
}) {
  return (
    <fieldset class={`field${props.error ? ' field-error' : ''}`}>
      <legend class="legend-m">{props.legend}</legend>
      {props.error && (
        <p class="error-message" id={`${props.name}-error`}>
          {props.error}
        </p>
      )}
      <div class="options">
        {props.options.map((o) => (
          <label class="option" key={o.value}>
            <input
              type="radio"
              name={props.name}
              id={`${props.name}-${o.value}`}
              checked={props.value === o.value}
              aria-describedby={props.error ? `${props.name}-error` : undefined}
              onChange={() => props.onPick(o.value)}
            />
            <span>
              {o.label}
              {o.hint && <span class="hint block">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Check(props: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="option">
      <input type="checkbox" id={props.id} checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <span>{props.label}</span>
    </label>
  );
}
