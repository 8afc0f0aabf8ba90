/**
 * Narrowing the figures: session, area, language, text format, input method and a range of local dates in
 * an explicit time zone. Checked here with the same valibot schema the server uses (src/shared/insight.ts).
 */
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { type InsightFilter, InsightFilterSchema } from '../../../shared/insight';
import { Field, Problem } from '../ui';
import { FORMAT_NAMES, filter, LANGUAGE_NAMES, loadResults, METHOD_NAMES, type Results } from './data';

export function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
  any?: string;
}) {
  return (
    <div class="field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        class="input"
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.options.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter in words, so every view says what it counts. */
export function describeFilter(f: InsightFilter, sessions: Record<string, string> = {}): string {
  const parts = [
    f.session && `session ${sessions[f.session] ?? f.session}`,
    f.area && `area ${f.area}`,
    f.locale && (LANGUAGE_NAMES[f.locale] ?? f.locale),
    f.textFormat && FORMAT_NAMES[f.textFormat],
    f.inputMethod && METHOD_NAMES[f.inputMethod],
    (f.from || f.to) &&
      `${f.from ? `from ${f.from}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${f.to}` : ''} (${f.timeZone ?? 'organisation time'})`,
  ].filter(Boolean);
  return parts.length ? `Filtered: ${parts.join(', ')}.` : 'All answers, no filter.';
}

export function FilterSummary() {
  return <p data-testid="filter-summary">{describeFilter(filter.value)}</p>;
}

const entries = (m: Record<string, string>) => Object.entries(m);
/** Each choice the filter offers: field, label, "any" wording, options. */
const selects = (r: Results): [string, string, string, [string, string][]][] => [
  ['session', 'Session', 'Every session', entries(r.sessions)],
  ['area', 'Area', 'Every area', r.areas.map((a) => [a, a])],
  ['locale', 'Language', 'Every language', entries(LANGUAGE_NAMES)],
  ['textFormat', 'Format', 'Both formats', entries(FORMAT_NAMES)],
  ['inputMethod', 'Input method', 'Every input method', entries(METHOD_NAMES)],
];

export function Filters({ id, r }: { id: string; r: Results }) {
  const [f, setF] = useState<Record<string, string>>({ timeZone: r.timeZone, ...(r.filter as Record<string, string>) });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: string) => (value: string) => setF({ ...f, [k]: value });
  const apply = async (e: Event) => {
    e.preventDefault();
    const given = Object.fromEntries(Object.entries(f).filter(([, x]) => x !== ''));
    if (!given.from && !given.to) delete given.timeZone;
    const parsed = v.safeParse(InsightFilterSchema, given);
    if (!parsed.success) return setProblem(parsed.issues.map((i) => i.message).join(' '));
    setProblem(null);
    await loadResults(id, parsed.output).catch((err: Error) => setProblem(err.message));
  };
  const clear = async () => {
    setF({ timeZone: r.timeZone });
    setProblem(null);
    await loadResults(id, {}).catch((err: Error) => setProblem(err.message));
  };
  return (
    <form class="insight-filter-form" aria-labelledby="filters-title" onSubmit={apply}>
      <h2 id="filters-title">Filters</h2>
      <Problem message={problem} />
      <div class="insight-filters">
        {selects(r).map(([key, label, any, options]) => (
          <Select key={key} id={`f-${key}`} label={label} value={f[key] ?? ''} onChange={set(key)} any={any} options={options} />
        ))}
        <Field id="f-from" label="From (first day)" type="date" value={f.from ?? ''} onInput={set('from')} />
        <Field id="f-to" label="To (last day)" type="date" value={f.to ?? ''} onInput={set('to')} />
        <Field
          id="f-tz"
          label="Time zone of the days"
          hint="For example Europe/London or UTC"
          value={f.timeZone ?? ''}
          onInput={set('timeZone')}
        />
      </div>
      <div class="staff-row-actions">
        <button type="submit" class="button primary">
          Apply filters
        </button>
        <button type="button" class="button" onClick={clear}>
          Clear filters
        </button>
      </div>
      <p role="status" data-testid="filter-summary">
        {describeFilter(r.filter, r.sessions)}
      </p>
    </form>
  );
}
