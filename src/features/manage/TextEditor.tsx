/** One participant-facing text: standard and easy-read wording for every language of the engagement. */
import type { Text } from '../../shared/engagement';
import { current, localeDir, localeName } from './content';

export function TextEditor({
  id,
  label,
  value,
  onChange,
  easy = true,
  multiline = false,
}: {
  id: string;
  label: string;
  value: Text | undefined;
  onChange: (t: Text) => void;
  easy?: boolean;
  multiline?: boolean;
}) {
  const locales = current.value?.content.locales ?? ['en'];
  const set = (l: string, key: 'standard' | 'easy', v: string) => {
    const prev = value?.[l] ?? { standard: '' };
    onChange({ ...(value ?? {}), [l]: { ...prev, [key]: v } });
  };
  const input = (l: string, key: 'standard' | 'easy', text: string) => {
    const fieldId = `${id}-${l}-${key}`;
    const props = {
      id: fieldId,
      class: 'input',
      lang: l,
      dir: localeDir(l),
      value: value?.[l]?.[key] ?? '',
      onInput: (e: Event) => set(l, key, (e.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="staff-text-cell">
        <label for={fieldId} class="label">
          {text}
        </label>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  return (
    <fieldset class="staff-text">
      <legend>{label}</legend>
      {locales.map((l) => (
        <div class="staff-text-row" key={l}>
          {input(l, 'standard', `${localeName(l)} (${l})${easy ? ', standard' : ''}`)}
          {easy && input(l, 'easy', `${localeName(l)} (${l}), easy read`)}
        </div>
      ))}
    </fieldset>
  );
}
