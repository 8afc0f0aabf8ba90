/** Free-text and voice answers: search, filter by question and theme, tag with the analyst's themes; theme counts. */
import { useState } from 'preact/hooks';
import { api, hasRole } from '../api';
import { Field, Problem, Saved } from '../ui';
import { DataTable } from './Charts';
import { loadResults, type Results } from './data';
import { VoiceClip } from './VoiceClip';

const PAGE = 50;

export function Answers({ r }: { r: Results }) {
  const [q, setQ] = useState('');
  const [question, setQuestion] = useState('');
  const [theme, setTheme] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const canTag = hasRole('analyst');
  const id = r.engagement.id;
  const titles = Object.fromEntries(r.questions.map((x) => [x.id, x.title]));
  const items = [
    ...r.freeText.map((f) => ({ ...f, voice: null as number | null })),
    ...r.voice.map((v) => ({ bundleId: v.bundleId, questionId: v.questionId, text: '', locale: '', voice: v.attachment })),
  ];
  const needle = q.trim().toLowerCase();
  const matching = items.filter(
    (a) =>
      (!needle || a.text.toLowerCase().includes(needle)) &&
      (!question || a.questionId === question) &&
      (!theme ||
        (theme === 'none' ? !r.tags[`${a.bundleId}:${a.questionId}`]?.length : r.tags[`${a.bundleId}:${a.questionId}`]?.includes(theme))),
  );
  const run = async (what: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await what();
      await loadResults(id);
      setSaved(done);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const addTheme = (e: Event) => {
    e.preventDefault();
    void run(() => api('POST', `/api/staff/insight/${id}/themes`, { name }), `Theme "${name}" added.`).then(() => setName(''));
  };
  const tag = (bundleId: string, questionId: string, themeId: string, tagged: boolean) =>
    run(() => api('POST', `/api/staff/insight/${id}/tags`, { themeId, bundleId, questionId, tagged }), tagged ? 'Tagged.' : 'Tag removed.');

  return (
    <>
      <Problem message={problem} />
      <Saved message={saved} />
      <h2>Themes</h2>
      <DataTable
        id="themes"
        caption="Answers per theme"
        unit="tagged answers"
        bars={r.themes.map((t) => ({ key: t.id, label: t.name, count: t.answers }))}
      />
      {canTag && (
        <form onSubmit={addTheme} class="insight-inline-form">
          <Field id="theme-name" label="New theme" value={name} onInput={setName} />
          <button type="submit" class="button primary">
            Add theme
          </button>
        </form>
      )}
      <h2>Free-text and voice answers</h2>
      <div class="insight-filters">
        <Field
          id="answer-search"
          label="Search the answers"
          type="search"
          value={q}
          onInput={(v) => {
            setQ(v);
            setShown(PAGE);
          }}
        />
        <div class="field">
          <label class="label" for="answer-question">
            Question
          </label>
          <select
            id="answer-question"
            class="input"
            value={question}
            onChange={(e) => setQuestion((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">All questions</option>
            {r.questions
              .filter((x) => x.type === 'text' || x.type === 'voice')
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label class="label" for="answer-theme">
            Theme
          </label>
          <select id="answer-theme" class="input" value={theme} onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Any theme</option>
            <option value="none">Not tagged yet</option>
            {r.themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" data-testid="answer-count">
        {matching.length} matching answers
      </p>
      <ul class="insight-answers">
        {matching.slice(0, shown).map((a) => {
          const key = `${a.bundleId}:${a.questionId}`;
          return (
            <li key={key} class="card" data-answer={key}>
              <p class="hint">{titles[a.questionId] ?? a.questionId}</p>
              {a.voice === null ? (
                <blockquote lang={a.locale}>{a.text}</blockquote>
              ) : (
                <VoiceClip engagementId={id} bundleId={a.bundleId} questionId={a.questionId} canPlay={canTag} />
              )}
              {r.themes.length > 0 && (
                <fieldset class="insight-tags">
                  <legend>Themes for this answer</legend>
                  {r.themes.map((t) => {
                    const on = !!r.tags[key]?.includes(t.id);
                    return (
                      <label key={t.id} class="insight-tag">
                        <input
                          type="checkbox"
                          checked={on}
                          disabled={!canTag}
                          onChange={() => void tag(a.bundleId, a.questionId, t.id, !on)}
                        />
                        {t.name}
                      </label>
                    );
                  })}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      {matching.length > shown && (
        <button type="button" class="button secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, matching.length - shown)} more
        </button>
      )}
    </>
  );
}
