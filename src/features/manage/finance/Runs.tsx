/** Payment runs as records: every run with its state, who made it and when, how many claims and the total; make a new one. */
import { useEffect, useState } from 'preact/hooks';
import type { RunFormat } from '../../../shared/payment-runs';
import { useLocation } from '../../../ui/router';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, problemOf } from '../api';
import { Page, Problem } from '../ui';
import { pounds, type RunSummary, whenLondon } from './data';
import financeCss from './finance.css?url';

void addStyles(financeCss);

export const FORMAT_NAMES: Record<RunFormat, string> = { csv: 'CSV (bank bulk upload)', bacs18: 'Bacs Standard 18' };
export const STATE_NAMES = { open: 'open: file not downloaded yet', sent: 'sent to the bank', settled: 'settled' } as const;
export const runName = (r: RunSummary) => `Run of ${whenLondon(r.createdAt)}`;

/** "2 paid, 1 refused, 1 waiting": what the bank did with a run's claims (the kinds there are none of left out). */
export function outcomeText({ outcomes: o }: RunSummary): string {
  const parts: [number, string][] = [
    [o.paid, 'paid'],
    [o.failed, 'refused'],
    [o.waiting, 'waiting'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
}

function CreateRun() {
  const { route } = useLocation();
  const [format, setFormat] = useState<RunFormat>('csv');
  const [problem, setProblem] = useState<string | null>(null);
  const create = (e: Event) => {
    e.preventDefault();
    api<RunSummary>('POST', '/api/finance/payment-runs', { format })
      .then((r) => route(`/staff/finance/runs/${encodeURIComponent(r.id)}`))
      .catch((err) => setProblem(problemOf(err)));
  };
  return (
    <form class="panel" onSubmit={create} aria-labelledby="new-run">
      <h2 id="new-run">New payment run</h2>
      <p>A run takes every approved bank-transfer claim (with a second approval where one is needed) that is not in a run yet.</p>
      <Problem message={problem} />
      <fieldset>
        <legend>Bank file format</legend>
        {(Object.keys(FORMAT_NAMES) as RunFormat[]).map((f) => (
          <div class="finance-choice" key={f}>
            <input type="radio" id={`format-${f}`} name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <label for={`format-${f}`}>{FORMAT_NAMES[f]}</label>
          </div>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary">
          Create payment run
        </button>
      </div>
    </form>
  );
}

export function Runs() {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<{ runs: RunSummary[] }>('GET', '/api/finance/payment-runs')
      .then((r) => setRuns(r.runs))
      .catch((e) => setProblem(problemOf(e)));
  }, []);
  return (
    <Page title="Payment runs">
      <Problem message={problem} />
      {!runs && !problem && <p>Loading payment runs…</p>}
      {runs && runs.length === 0 && <p>No payment run yet.</p>}
      {runs && runs.length > 0 && (
        <TableRegion class="staff-table finance-table" caption="Payment runs, newest first" data-testid="runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">State</th>
              <th scope="col">Made by</th>
              <th scope="col">Claims</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/staff/finance/runs/${encodeURIComponent(r.id)}`}>{runName(r)}</a>
                  <div class="hint">{FORMAT_NAMES[r.format]}</div>
                </td>
                <td>
                  {STATE_NAMES[r.state]}
                  <div class="hint">{outcomeText(r)}</div>
                </td>
                <td>{r.createdByName}</td>
                <td>{r.claimCount}</td>
                <td>{pounds(r.totalPence)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <CreateRun />
    </Page>
  );
}
