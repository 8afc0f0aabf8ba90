/**
 * One payment run: its claims with reference codes, payees and amounts, its bank file again in either format
 * at any time, and the bank's outcome per claim, marked by ticking rows. A run is settled once every claim
 * has an outcome; a failed claim goes back to the approved state it had, for the next run.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RunFormat } from '../../../shared/payment-runs';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, download, problemOf } from '../api';
import { Page, Problem, Saved } from '../ui';
import { pounds, type RunDetail, refOf, toggled } from './data';
import financeCss from './finance.css?url';
import { FORMAT_NAMES, outcomeText, runName, STATE_NAMES } from './Runs';

void addStyles(financeCss);

export function Run({ id }: { id: string }) {
  const [run, setRun] = useState<RunDetail | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const url = `/api/finance/payment-runs/${encodeURIComponent(id)}`;
  const fail = (e: unknown) => setProblem(problemOf(e));
  const load = () => api<RunDetail>('GET', url).then(setRun).catch(fail);
  useEffect(() => void load(), [id]);
  if (!run) return <Page title="Payment run">{problem ? <Problem message={problem} /> : <p>Loading the payment run…</p>}</Page>;

  const getFile = (format: RunFormat) =>
    download(`${url}/file?format=${format}`, `payment-run.${format === 'csv' ? 'csv' : 'txt'}`)
      .then(() => {
        setProblem(null);
        setSaved(`The ${FORMAT_NAMES[format]} file was downloaded.`);
        return load();
      })
      .catch(fail);
  const mark = (outcome: 'paid' | 'failed') => {
    if (ticked.size === 0) return setProblem('Tick the claims the bank paid or refused first.');
    if (outcome === 'failed' && !reason.trim()) return setProblem('Give the reason the bank gave for the failed payments.');
    const outcomes = [...ticked].map((claimId) => ({ claimId, outcome, ...(outcome === 'failed' ? { reason: reason.trim() } : {}) }));
    api<RunDetail>('POST', `${url}/outcomes`, { outcomes })
      .then((r) => {
        setRun(r);
        setTicked(new Set());
        setReason('');
        setProblem(null);
        setSaved(`${outcomes.length} ${outcomes.length === 1 ? 'claim' : 'claims'} marked ${outcome}.`);
      })
      .catch(fail);
  };
  const toggle = (claimId: string, on: boolean) => setTicked(toggled(ticked, claimId, on));
  const waiting = run.claims.filter((c) => !c.outcome);
  return (
    <Page title={runName(run)}>
      <p>
        <a href="/staff/finance/runs">Back to payment runs</a>
      </p>
      <dl class="run-facts" data-testid="run-summary">
        <dt>State</dt>
        <dd data-testid="run-state">{STATE_NAMES[run.state]}</dd>
        <dt>Outcomes</dt>
        <dd data-testid="run-outcomes">{outcomeText(run)}</dd>
        <dt>Made by</dt>
        <dd>{run.createdByName}</dd>
        <dt>Claims</dt>
        <dd>{run.claimCount}</dd>
        <dt>Total</dt>
        <dd>{pounds(run.totalPence)}</dd>
      </dl>
      <Problem message={problem} />
      <Saved message={saved} />
      {run.warnings.map((w) => (
        <p class="finance-warning" key={w}>
          Check before sending: {w}
        </p>
      ))}
      <h2>Bank file</h2>
      <p>Download it again at any time, in either format. Each download is recorded in the audit log.</p>
      <div class="actions">
        {(Object.keys(FORMAT_NAMES) as RunFormat[]).map((f) => (
          <button type="button" class="button secondary" key={f} onClick={() => void getFile(f)}>
            Download {FORMAT_NAMES[f]}
          </button>
        ))}
      </div>
      <h2>Claims in this run</h2>
      <TableRegion class="staff-table finance-table" label="Claims in this run" data-testid="run-claims">
        <thead>
          <tr>
            <th scope="col">Select</th>
            <th scope="col">Claim</th>
            <th scope="col">Payee</th>
            <th scope="col">Amount</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {run.claims.map((c) => (
            <tr key={c.claimId}>
              <td>
                {!c.outcome && (
                  <input
                    type="checkbox"
                    class="tick"
                    aria-label={`Select claim ${refOf(c)}`}
                    checked={ticked.has(c.claimId)}
                    onChange={(e) => toggle(c.claimId, e.currentTarget.checked)}
                  />
                )}
              </td>
              <td>
                <a href={`/staff/finance/claims/${encodeURIComponent(c.claimId)}`} aria-label={`Open claim ${refOf(c)}`}>
                  {refOf(c)}
                </a>
              </td>
              <td>{c.payee ?? 'removed'}</td>
              <td>{pounds(c.amountPence)}</td>
              <td>{c.outcome === 'failed' ? `failed: ${c.reason}` : (c.outcome ?? 'waiting')}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {waiting.length === 0 ? (
        <p data-testid="run-settled">Settled: every claim in this run has an outcome.</p>
      ) : (
        <section class="panel" aria-labelledby="outcomes">
          <h2 id="outcomes">What the bank did</h2>
          <p>
            Tick the claims, then mark them paid, or failed with the bank's reason. A failed claim goes back to its approved state, ready
            for the next run. {waiting.length} of {run.claims.length} still waiting.
          </p>
          <div class="actions">
            <button type="button" class="button primary" onClick={() => mark('paid')}>
              Mark paid
            </button>
          </div>
          <label class="label" for="fail-reason">
            Reason the bank gave (for failed payments)
          </label>
          <input id="fail-reason" class="input" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          <div class="actions">
            <button type="button" class="button warning" onClick={() => mark('failed')}>
              Mark failed
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}
