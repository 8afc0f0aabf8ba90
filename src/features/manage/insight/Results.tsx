/** Results at a glance: responses over time, by session and venue, language, format and input method; a chart per closed question. */
import { BarChart } from './Charts';
import type { Results as R } from './data';

const LANG: Record<string, string> = {
  en: 'English',
  gd: 'Gàidhlig',
  pl: 'Polish',
  uk: 'Ukrainian',
  ar: 'Arabic',
  ur: 'Urdu',
  'zh-Hans': 'Chinese (simplified)',
};
const METHOD: Record<string, string> = { self: 'On their own', helped: 'Helped', paper: 'From paper' };
const FORMAT: Record<string, string> = { standard: 'Standard', easy: 'Easy read' };

export function ResultsView({ r }: { r: R }) {
  const relabel = (list: R['overTime'], names: Record<string, string>) => list.map((c) => ({ ...c, label: names[c.key] ?? c.label }));
  const sessions = r.bySession.map((c) => ({
    ...c,
    label: r.venues[c.key] ? `${r.venues[c.key]} (${c.key})` : c.key === 'none' ? 'No session' : c.key,
  }));
  return (
    <>
      <p class="insight-total">
        <strong data-testid="total">{r.total}</strong> responses
        {r.claimOnly > 0 && <> (and {r.claimOnly} expense claims without answers, not counted)</>}. Dates are in the organisation's time
        zone ({r.timeZone}).
      </p>
      <div class="insight-grid">
        <BarChart id="over-time" title="Responses per day" keyLabel="Day" bars={r.overTime} />
        <BarChart id="by-session" title="Responses by session and venue" keyLabel="Session" bars={sessions} />
        <BarChart id="by-locale" title="Responses by language" keyLabel="Language" bars={relabel(r.byLocale, LANG)} />
        <BarChart id="by-format" title="Responses by format" keyLabel="Format" bars={relabel(r.byFormat, FORMAT)} />
        <BarChart id="by-input" title="Responses by input method" keyLabel="Input method" bars={relabel(r.byInputMethod, METHOD)} />
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
            <BarChart id={`q-${q.id}`} title={q.title} bars={q.counts} unit={q.type === 'priorities' ? 'tokens' : 'answers'} />
          </section>
        ))}
    </>
  );
}
