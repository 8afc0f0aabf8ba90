/**
 * Approving several claims in full at once. Only claims waiting for a first look qualify, and only those a
 * single person may approve: the server says which would need a second approver (over the rate card's
 * threshold), and those are reviewed on their own page.
 */
import { useState } from 'preact/hooks';
import { api, problemOf } from '../api';
import { type ClaimSummary, refOf } from './data';

export const canBulkApprove = (c: ClaimSummary) => c.status === 'submitted' && !c.secondIfApproved && c.lineCount > 0;

export function BulkApprove(props: { claims: ClaimSummary[]; onDone: (message: string) => void; onProblem: (m: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const n = props.claims.length;
  const approve = async () => {
    if (n === 0) {
      props.onProblem('Tick the claims to approve first.');
      return;
    }
    setBusy(true);
    const failed: string[] = [];
    for (const c of props.claims) {
      const decisions = Array.from({ length: c.lineCount }, (_, idx) => ({ idx, decision: 'approve' }));
      await api('POST', `/api/finance/claims/${encodeURIComponent(c.id)}/decisions`, { decisions }).catch((e) =>
        failed.push(`${refOf(c)}: ${problemOf(e)}`),
      );
    }
    setBusy(false);
    props.onProblem(failed.length ? `These claims were not approved. ${failed.join(' ')}` : null);
    props.onDone(`${n - failed.length} of ${n} claims approved in full.`);
  };
  return (
    <div class="finance-bulk">
      <p class="hint" id="bulk-hint">
        Tick claims waiting for review to approve them in full. Claims that would need a second approver have no tick box: open them to
        review.
      </p>
      <button type="button" class="button primary" aria-describedby="bulk-hint" disabled={busy} onClick={() => void approve()}>
        {n === 0 ? 'Approve the selected claims' : n === 1 ? 'Approve the selected claim' : `Approve the ${n} selected claims`}
      </button>
    </div>
  );
}
