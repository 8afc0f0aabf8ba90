/** Insight per engagement, under /staff/insight/<id>/<tab>: results, answers and themes, who took part, feedback, exports. */
import { useEffect, useState } from 'preact/hooks';
import { pickText, type Text } from '../../../shared/engagement';
import { addStyles } from '../../../ui/styles';
import { api, hasRole } from '../api';
import { Page, Problem } from '../ui';
import { Answers } from './Answers';
import { loadResults, results } from './data';
import { Exports } from './Exports';
import { FeedbackEditor } from './FeedbackEditor';
import insightCss from './insight.css?url';
import { People } from './People';
import { Opening, ResultsView } from './Results';

void addStyles(insightCss);

const TABS: [string, string, () => boolean][] = [
  ['results', 'Results', () => true],
  ['answers', 'Answers and themes', () => true],
  ['people', 'Who took part', () => true],
  ['feedback', 'You said, we did', () => hasRole('organiser')],
  ['exports', 'Exports', () => true],
];

/** How often the figures load again while bundles that have arrived are still being opened. */
const REFRESH_MS = 2_000;

function List() {
  const [rows, setRows] = useState<{ id: string; slug: string; title: Text; latestVersion: number | null }[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<{ engagements: NonNullable<typeof rows> }>('GET', '/api/staff/engagements')
      .then((r) => setRows(r.engagements.filter((e) => e.latestVersion)))
      .catch((e) => setProblem(e.message));
  }, []);
  return (
    <Page title="Insight">
      <Problem message={problem} />
      <ul>
        {(rows ?? []).map((r) => (
          <li key={r.id}>
            <a href={`/staff/insight/${r.id}/results`}>{pickText(r.title, 'en', 'standard', 'en').text || r.slug}</a>
          </li>
        ))}
      </ul>
      {rows?.length === 0 && <p>No published engagements yet.</p>}
    </Page>
  );
}

export function Insight({ id, tab }: { id?: string; tab: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (id && results.value?.engagement.id !== id) void loadResults(id, {}).catch((e) => setProblem(e.message));
  }, [id]);
  const r = id && results.value?.engagement.id === id ? results.value : null;
  // bundles still being opened: the figures load again until they are all in (each load a new `r`)
  useEffect(() => {
    if (!(id && r && r.opening > 0)) return;
    const t = setTimeout(() => void loadResults(id).catch((e) => setProblem(e.message)), REFRESH_MS);
    return () => clearTimeout(t);
  }, [id, r]);
  if (!id) return <List />;
  const current = TABS.find(([key]) => key === tab) ?? (TABS[0] as (typeof TABS)[number]);
  return (
    <Page title={`${current[1]}${r ? `: ${r.engagement.title}` : ''}`}>
      <nav aria-label="Insight" class="staff-tabs">
        <ul>
          {TABS.filter(([, , show]) => show()).map(([key, name]) => (
            <li key={key}>
              <a href={`/staff/insight/${id}/${key}`} aria-current={key === current[0] ? 'page' : undefined}>
                {name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Problem message={problem} />
      {!r && !problem && <p role="status">Loading…</p>}
      {r && (current[0] === 'results' || current[0] === 'answers') && <Opening n={r.opening} />}
      {r && current[0] === 'results' && <ResultsView r={r} />}
      {r && current[0] === 'answers' && <Answers r={r} />}
      {current[0] === 'people' && <People id={id} />}
      {current[0] === 'feedback' && <FeedbackEditor id={id} />}
      {current[0] === 'exports' && <Exports id={id} />}
    </Page>
  );
}
