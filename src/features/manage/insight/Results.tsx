/** Results at a glance: responses over time, by session and venue, language, format and input method; a chart per closed question. */
import { BarChart } from './Charts';
import { CrossTabView } from './CrossTab';
import { FORMAT_NAMES, LANGUAGE_NAMES, METHOD_NAMES, type Results as R } from './data';
import { Filters } from './Filters';

export function ResultsView({ r }: { r: R }) {
  const relabel = (list: R['overTime'], names: Record<string, string>) => list.map((c) => ({ ...c, label: names[c.key] ?? c.label }));
  const base = r.total;
  return (
    <>
      <Filters id={r.engagement.id} r={r} />
      <p class="insight-total">
        <strong data-testid="total">{r.total}</strong> {r.total === 1 ? 'response' : 'responses'}
        {r.claimOnly > 0 && (
          <>
            {' '}
            (and {r.claimOnly} {r.claimOnly === 1 ? 'expense claim' : 'expense claims'} without answers, not counted)
          </>
        )}
        . Dates are in the organisation's time zone ({r.timeZone}).
      </p>
      <div class="insight-grid">
        <BarChart id="over-time" title="Responses per day" keyLabel="Day" bars={r.overTime} base={base} />
        <BarChart id="by-session" title="Responses by session and venue" keyLabel="Session" bars={r.bySession} base={base} />
        <BarChart id="by-locale" title="Responses by language" keyLabel="Language" bars={relabel(r.byLocale, LANGUAGE_NAMES)} base={base} />
        <BarChart id="by-format" title="Responses by format" keyLabel="Format" bars={relabel(r.byFormat, FORMAT_NAMES)} base={base} />
        <BarChart
          id="by-input"
          title="Responses by input method"
          keyLabel="Input method"
          bars={relabel(r.byInputMethod, METHOD_NAMES)}
          base={base}
        />
      </div>
      <h2>Questions</h2>
      {r.questions
        .filter((q) => q.counts.length > 0)
        .map((q) => (
          <section key={q.id} class="insight-question" data-question={q.id}>
            <h3>{q.title}</h3>
            <p>
              {q.answered} answered, {q.skipped} skipped
              {q.mean !== undefined && `, average ${q.mean} of 5`}
              {q.type === 'priorities' && '. Counts are tokens given'}.
            </p>
            <BarChart
              id={`q-${q.id}`}
              title={q.title}
              bars={q.counts}
              unit={q.type === 'priorities' ? 'tokens' : 'answers'}
              base={q.type === 'priorities' ? q.counts.reduce((s, c) => s + c.count, 0) : q.answered}
            />
          </section>
        ))}
      <CrossTabView id={r.engagement.id} r={r} />
    </>
  );
}

/**
 * Bundles that have arrived but are not opened yet (after a busy evening of syncing they can take a while):
 * the analyst is told the figures are not final, and they load again by themselves (Insight.tsx). The status
 * stays in the page, empty once all are in, so a screen reader hears the change.
 */
export function Opening({ n }: { n: number }) {
  return (
    <p role="status" class="insight-opening">
      {n > 0 &&
        `${n.toLocaleString('en-GB')} more ${n === 1 ? 'submission has' : 'submissions have'} arrived and ${n === 1 ? 'is' : 'are'} being opened. The figures update by themselves.`}
    </p>
  );
}
