/**
 * A choice question by a monitoring question, as a table of counts with the share of each group. The
 * server hides small figures (and any figure from which one could be worked out); they arrive as null.
 */
import { useState } from 'preact/hooks';
import { CROSS_BY, filterParams, percent } from '../../../shared/insight';
import { TableRegion } from '../../../ui/TableRegion';
import { api } from '../api';
import { Problem } from '../ui';
import { type CrossTab, filter, MONITORING_NAMES, nice, type Results } from './data';
import { Select } from './Filters';

const CHOICE = ['single', 'multiple', 'yesno', 'faces'];
const fmt = (n: number | null, base: number | null) => {
  if (n === null) return 'hidden';
  const p = percent(n, base);
  return p === null ? String(n) : `${n} (${p}%)`;
};

function Table({ t }: { t: CrossTab }) {
  const by = MONITORING_NAMES[t.by] ?? t.by;
  return (
    <TableRegion
      class="staff-table insight-table"
      data-table="crosstab"
      caption={`${t.question.title} by ${by}: number of answers (share of the group)`}
    >
      <thead>
        <tr>
          <th scope="col">Answer</th>
          {t.columns.map((c) => (
            <th key={c} scope="col">
              {nice(c)}
            </th>
          ))}
          <th scope="col">All</th>
        </tr>
      </thead>
      <tbody>
        {t.rows.map((row, i) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label}</th>
            {t.columns.map((c, j) => {
              const n = t.cells[i]?.[j] ?? null;
              return (
                <td key={c} data-col={c} data-count={n ?? ''}>
                  {fmt(n, t.columnTotals[j] ?? null)}
                </td>
              );
            })}
            <td data-col="all" data-count={t.rowTotals[i]}>
              {fmt(t.rowTotals[i] ?? 0, t.total)}
            </td>
          </tr>
        ))}
        <tr data-key="all">
          <th scope="row">All answers</th>
          {t.columns.map((c, j) => (
            <td key={c} data-col={c} data-count={t.columnTotals[j] ?? ''}>
              {fmt(t.columnTotals[j] ?? null, null)}
            </td>
          ))}
          <td data-col="all" data-count={t.total}>
            {t.total}
          </td>
        </tr>
      </tbody>
    </TableRegion>
  );
}

export function CrossTabView({ id, r }: { id: string; r: Results }) {
  const questions = r.questions.filter((q) => CHOICE.includes(q.type));
  const [question, setQuestion] = useState(questions[0]?.id ?? '');
  const [by, setBy] = useState<string>('gender');
  const [t, setT] = useState<CrossTab | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (questions.length === 0) return null;
  const show = async (e: Event) => {
    e.preventDefault();
    const query = filterParams(filter.value);
    query.set('question', question);
    query.set('by', by);
    try {
      setT(await api<CrossTab>('GET', `/api/staff/insight/${id}/crosstab?${query}`));
      setProblem(null);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="crosstab-title">
      <h2 id="crosstab-title">Cross-tab by who took part</h2>
      <form class="insight-filters" onSubmit={show}>
        <Select id="x-question" label="Question" value={question} onChange={setQuestion} options={questions.map((q) => [q.id, q.title])} />
        <Select id="x-by" label="Group by" value={by} onChange={setBy} options={CROSS_BY.map((k) => [k, MONITORING_NAMES[k] ?? k])} />
        <button type="submit" class="button primary">
          Show cross-tab
        </button>
      </form>
      <Problem message={problem} />
      {t && (
        <>
          <p>
            "Hidden" means fewer than {t.threshold} people, or a figure hidden so that a small group cannot be worked out from the totals.
            Where several answers could be chosen, a person counts once in each.
          </p>
          <Table t={t} />
        </>
      )}
    </section>
  );
}
