/** One claim: its lines with a decision each (approve, reduce, query, reject, with a reason), bank details, audit log. */
import { useEffect, useState } from 'preact/hooks';
import { parsePounds } from '../../../shared/money';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, problemOf } from '../api';
import { Page, Problem, Saved } from '../ui';
import { type ClaimDetail, type PaymentFailure, pounds, refOf, whenLondon, words } from './data';
import financeCss from './finance.css?url';
import { Receipts } from './Receipts';

void addStyles(financeCss);

type Decision = { decision: '' | 'approve' | 'reduce' | 'query' | 'reject'; reason: string; reduced: string };

export function ClaimReview({ id }: { id: string }) {
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setError = (e: unknown) => setProblem(problemOf(e));
  useEffect(() => {
    api<ClaimDetail>('GET', `/api/finance/claims/${encodeURIComponent(id)}`)
      .then(setClaim)
      .catch(setError);
  }, [id]);
  if (!claim)
    return (
      <Page title="Claim">
        {problem ? <Problem message={problem} /> : <p>Loading the claim…</p>}
        <BackToClaims />
      </Page>
    );
  const d = (idx: number): Decision => decisions[idx] ?? { decision: '', reason: '', reduced: '' };
  const set = (idx: number, patch: Partial<Decision>) => setDecisions({ ...decisions, [idx]: { ...d(idx), ...patch } });
  const save = async () => {
    const list = Object.entries(decisions)
      .filter(([, x]) => x.decision)
      .map(([idx, x]) => ({
        idx: Number(idx),
        decision: x.decision,
        ...(x.reason.trim() ? { reason: x.reason.trim() } : {}),
        ...(x.decision === 'reduce' ? { reducedToPence: parsePounds(x.reduced) ?? -1 } : {}),
      }));
    try {
      setClaim(await api<ClaimDetail>('POST', `/api/finance/claims/${id}/decisions`, { decisions: list }));
      setDecisions({});
      setProblem(null);
      setSaved('Decisions saved.');
    } catch (e) {
      setError(e);
    }
  };
  const bank = claim.bank;
  return (
    <Page title={`Claim ${refOf(claim)}`}>
      <BackToClaims />
      <p>
        {claim.engagementTitle}
        {claim.sessionName && `, ${claim.sessionName}`}.
      </p>
      <p>
        Status: <strong data-testid="claim-status">{words(claim.status)}</strong>. Claimed {pounds(claim.claimedPence)}, approved{' '}
        <span data-testid="claim-approved">{pounds(claim.approvedPence)}</span>.
        {claim.needsSecond && ' It needs a second approver before it can be paid.'}
      </p>
      {claim.paymentFailed && <PaymentRefused failed={claim.paymentFailed} inRun={claim.status === 'in_payment_run'} />}
      <Problem message={problem} />
      <Saved message={saved} />
      <h2>Lines</h2>
      <TableRegion class="staff-table finance-table" label="Lines">
        <thead>
          <tr>
            <th scope="col">Cost</th>
            <th scope="col">Claimed</th>
            <th scope="col">Now</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((l) => (
            <tr key={l.idx}>
              <th scope="row">
                {words(l.category)}
                {l.hasReceipt ? ' (receipt)' : ' (no receipt)'}
                {l.warnings.map((w) => (
                  <span class="tag" key={w}>
                    {words(w)}
                  </span>
                ))}
              </th>
              <td>{pounds(l.amountPence)}</td>
              <td>
                {words(l.status)} {l.approvedPence !== null && pounds(l.approvedPence)} {l.reason && <em>({l.reason})</em>}
              </td>
              <td>
                <label>
                  <span class="visually-hidden">Decision for line {l.idx + 1}</span>
                  <select
                    class="input"
                    value={d(l.idx).decision}
                    onChange={(e) => set(l.idx, { decision: e.currentTarget.value as Decision['decision'] })}
                  >
                    <option value="">no change</option>
                    <option value="approve">approve</option>
                    <option value="reduce">reduce</option>
                    <option value="query">query (needs info)</option>
                    <option value="reject">reject</option>
                  </select>
                </label>
                {d(l.idx).decision === 'reduce' && (
                  <label>
                    Reduce to (£){' '}
                    <input class="input" value={d(l.idx).reduced} onInput={(e) => set(l.idx, { reduced: e.currentTarget.value })} />
                  </label>
                )}
                {d(l.idx).decision && d(l.idx).decision !== 'approve' && (
                  <label>
                    Reason for line {l.idx + 1}{' '}
                    <input class="input" value={d(l.idx).reason} onInput={(e) => set(l.idx, { reason: e.currentTarget.value })} />
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <div class="actions">
        <button type="button" class="button primary" onClick={save}>
          Save decisions
        </button>
        {claim.needsSecond && (
          <button
            type="button"
            class="button secondary"
            onClick={() => api<ClaimDetail>('POST', `/api/finance/claims/${id}/second-approval`).then(setClaim).catch(setError)}
          >
            Approve as second approver
          </button>
        )}
      </div>
      <Receipts claimId={id} lines={claim.lines} />
      <h2>Payment</h2>
      <p>Method: {claim.paymentMethod}</p>
      {bank && 'accountNumber' in bank && (
        <dl class="figures" data-testid="bank-details">
          <dt>Name</dt>
          <dd>{bank.accountName}</dd>
          <dt>Sort code</dt>
          <dd>{bank.sortCode}</dd>
          <dt>Account</dt>
          <dd>{bank.accountNumber}</dd>
        </dl>
      )}
      {bank && 'masked' in bank && <p data-testid="bank-details">Account {bank.masked}</p>}
      {claim.bankPurgedAt && <p>Bank details were removed on {claim.bankPurgedAt}.</p>}
      <h2>Audit log</h2>
      <ol class="audit" data-testid="audit-log">
        {claim.audit.map((a) => (
          <li key={`${a.at}-${a.action}`}>
            {whenLondon(a.at)} {a.actor}: {a.action}
            {a.reason ? ` (${a.reason})` : ''}
          </li>
        ))}
      </ol>
    </Page>
  );
}

function BackToClaims() {
  return (
    <p>
      <a href="/staff/finance/claims">Back to claims</a>
    </p>
  );
}

/** The bank refused the last payment: the claim is approved again (or in a new run), which pays the same account. */
function PaymentRefused({ failed, inRun }: { failed: PaymentFailure; inRun: boolean }) {
  return (
    <p class="finance-warning" data-testid="payment-refused">
      The bank refused its last payment on {whenLondon(failed.at)}
      {failed.reason && ` (${failed.reason})`}, in the <a href={`/staff/finance/runs/${encodeURIComponent(failed.runId)}`}>payment run</a>.{' '}
      {inRun
        ? 'It is in a new run, which pays the same account: check the bank details with the participant before that file goes to the bank.'
        : 'It is approved again, so the next run would pay the same account: check the bank details with the participant first.'}
    </p>
  );
}
