/** Builder: title, purpose, privacy notice, languages, dates, equality monitoring, rate card and payments. */
import { LOCALES } from '../../shared/locales';
import { BuilderRateCard } from './BuilderRateCard';
import { current, localeName, MONITORING_SET, update } from './content';
import { TextEditor } from './TextEditor';
import { Field } from './ui';

export function BuilderDetails() {
  const d = current.value?.content;
  if (!d) return null;
  const toggleLocale = (l: string, on: boolean) =>
    update((x) => ({ ...x, locales: on ? [...new Set([...x.locales, l])] : x.locales.filter((y) => y !== l || y === x.defaultLocale) }));
  return (
    <div>
      <TextEditor id="title" label="Title" value={d.title} onChange={(title) => update((x) => ({ ...x, title }))} />
      <TextEditor
        id="purpose"
        label="What it is about"
        multiline
        value={d.purpose}
        onChange={(purpose) => update((x) => ({ ...x, purpose }))}
      />
      <TextEditor
        id="privacy"
        label="Privacy notice"
        multiline
        value={d.privacy}
        onChange={(privacy) => update((x) => ({ ...x, privacy }))}
      />
      <fieldset>
        <legend>Languages</legend>
        {LOCALES.map((l) => (
          <div class="checkbox" key={l}>
            <input
              type="checkbox"
              id={`locale-${l}`}
              checked={d.locales.includes(l)}
              disabled={l === d.defaultLocale}
              onChange={(e) => toggleLocale(l, e.currentTarget.checked)}
            />
            <label for={`locale-${l}`} lang={l}>
              {localeName(l)} ({l})
            </label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label class="label" for="default-locale">
          Default language (used where a translation is missing)
        </label>
        <select
          id="default-locale"
          class="input"
          value={d.defaultLocale}
          onChange={(e) => update((x) => ({ ...x, defaultLocale: e.currentTarget.value }))}
        >
          {d.locales.map((l) => (
            <option key={l} value={l}>
              {localeName(l)} ({l})
            </option>
          ))}
        </select>
      </div>
      <Field
        id="opens-on"
        label="Opens on"
        type="date"
        value={d.opensOn ?? ''}
        onInput={(v) => update((x) => ({ ...x, opensOn: v || undefined }))}
      />
      <Field
        id="closes-on"
        label="Closes on"
        type="date"
        value={d.closesOn ?? ''}
        onInput={(v) => update((x) => ({ ...x, closesOn: v || undefined }))}
      />
      <fieldset>
        <legend>Equality monitoring questions to ask (reported only in aggregate)</legend>
        {MONITORING_SET.map((m) => (
          <div class="checkbox" key={m.id}>
            <input
              type="checkbox"
              id={`monitor-${m.id}`}
              checked={d.monitoring?.includes(m.id) ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                update((x) => ({
                  ...x,
                  monitoring: on ? [...(x.monitoring ?? []), m.id] : (x.monitoring ?? []).filter((y) => y !== m.id),
                }));
              }}
            />
            <label for={`monitor-${m.id}`}>{m.label}</label>
          </div>
        ))}
      </fieldset>
      <BuilderRateCard />
    </div>
  );
}
