/** The rate card form's inputs: an amount or number with its hint and error, a group, a set of ticks. */
import type { ComponentChildren } from 'preact';
import { rateErrors } from './rate-card-state';

const errorFor = (id: string) => rateErrors.value.find((e) => e.target === id)?.text;

export function Input(p: { id: string; label: string; hint?: string; value: string; onInput: (v: string) => void; pounds?: boolean }) {
  const error = errorFor(p.id);
  const described = [p.hint && `${p.id}-hint`, error && `${p.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label class="label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${p.id}-error`}>
          {error}
        </p>
      )}
      <span class="staff-amount">
        {p.pounds && <span aria-hidden="true">£</span>}
        <input
          id={p.id}
          class="input staff-short"
          inputMode={p.pounds ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={p.value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
      </span>
    </div>
  );
}

export function Group({ legend, hint, id, children }: { legend: string; hint?: string; id: string; children: ComponentChildren }) {
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function Ticks<K extends string>(p: {
  keys: readonly K[];
  names: Record<K, string>;
  chosen: K[];
  id: (k: K) => string;
  set: (v: K[]) => void;
}) {
  const error = errorFor(p.id(p.keys[0] as K));
  return (
    <>
      {error && (
        <p class="error-message" id={`${p.id(p.keys[0] as K)}-error`}>
          {error}
        </p>
      )}
      {p.keys.map((k) => (
        <div class="checkbox" key={k}>
          <input
            type="checkbox"
            id={p.id(k)}
            checked={p.chosen.includes(k)}
            aria-invalid={error ? 'true' : undefined}
            onChange={(e) => p.set(e.currentTarget.checked ? [...p.chosen.filter((x) => x !== k), k] : p.chosen.filter((x) => x !== k))}
          />
          <label for={p.id(k)}>{p.names[k]}</label>
        </div>
      ))}
    </>
  );
}
