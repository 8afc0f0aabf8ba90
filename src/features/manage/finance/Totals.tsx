/** Claimed, approved and paid for one engagement (chosen from those with claims), by category and method, with a CSV. */
import { useEffect, useState } from 'preact/hooks';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, problemOf } from '../api';
import { Page, Problem } from '../ui';
import { type ClaimList, type Named, pounds, words } from './data';
import financeCss from './finance.css?url';

void addStyles(financeCss);

type Totals = {
  total: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byMethod: Record<string, Record<string, number>>;
};

export function Totals() {
  const [engagements, setEngagements] = useState<Named[] | null>(null);
  const [engagement, setEngagement] = useState('');
  const [totals, setTotals] = useState<{ id: string; name: string; t: Totals } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<ClaimList>('GET', '/api/finance/claims')
      .then((r) => {
        setEngagements(r.engagements);
        setEngagement(r.engagements[0]?.id ?? '');
      })
      .catch((e) => setProblem(problemOf(e)));
  }, []);
  const show = (e: Event) => {
    e.preventDefault();
    const name = engagements?.find((x) => x.id === engagement)?.name ?? '';
    api<Totals>('GET', `/api/finance/engagements/${encodeURIComponent(engagement)}/totals`)
      .then((t) => {
        setTotals({ id: engagement, name, t });
        setProblem(null);
      })
      .catch((e) => setProblem(problemOf(e)));
  };
  const rows = (title: string, m: Record<string, Record<string, number>>) =>
    Object.entries(m).map(([k, v]) => (
      <tr key={`${title}-${k}`}>
        <th scope="row">{title === 'all' ? 'All claims' : `${title}: ${words(k)}`}</th>
        <td>{pounds(v.claimedPence)}</td>
        <td>{pounds(v.approvedPence)}</td>
        <td>{pounds(v.paidPence)}</td>
      </tr>
    ));
  return (
    <Page title="Totals">
      <Problem message={problem} />
      {engagements && engagements.length === 0 && <p>No engagement has claims yet.</p>}
      {engagements && engagements.length > 0 && (
        <form onSubmit={show} aria-label="Choose an engagement">
          <label class="label" for="totals-engagement">
            Engagement
          </label>
          <select id="totals-engagement" class="input" value={engagement} onChange={(e) => setEngagement(e.currentTarget.value)}>
            {engagements.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <div class="actions">
            <button type="submit" class="button secondary">
              Show totals
            </button>
          </div>
        </form>
      )}
      {totals && (
        <>
          <TableRegion class="staff-table finance-table" caption={`Totals for ${totals.name}`}>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Claimed</th>
                <th scope="col">Approved</th>
                <th scope="col">Paid</th>
              </tr>
            </thead>
            <tbody>
              {rows('all', { all: totals.t.total })}
              {rows('category', totals.t.byCategory)}
              {rows('method', totals.t.byMethod)}
            </tbody>
          </TableRegion>
          <p>
            <a href={`/api/finance/engagements/${encodeURIComponent(totals.id)}/totals.csv`} download>
              Download the totals for {totals.name} as CSV
            </a>
          </p>
        </>
      )}
    </Page>
  );
}
