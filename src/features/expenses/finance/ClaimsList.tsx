import { useEffect, useState } from 'preact/hooks';
import { TableRegion } from '../../../ui/TableRegion';
import { api, type ClaimSummary, pounds } from './api';
import { Problem } from './FinanceApp';

const STATUSES = [
  '',
  'submitted',
  'needs_info',
  'approved',
  'partially_approved',
  'rejected',
  'in_payment_run',
  'paid',
  'paid_on_day',
  'reconciled',
  'withdrawn',
];

export function ClaimsList({ onOpen }: { onOpen: (id: string) => void }) {
  const [filter, setFilter] = useState({ engagementId: '', sessionId: '', status: '' });
  const [claims, setClaims] = useState<ClaimSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    api<{ claims: ClaimSummary[] }>('GET', `/api/finance/claims?${q}`)
      .then((r) => {
        setClaims(r.claims);
        setError(null);
      })
      .catch(setError);
  };
  useEffect(load, []);
  return (
    <div>
      <h1>Claims</h1>
      <form
        class="finance-filter"
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label>
          Engagement id{' '}
          <input class="input" value={filter.engagementId} onInput={(e) => setFilter({ ...filter, engagementId: e.currentTarget.value })} />
        </label>
        <label>
          Session id{' '}
          <input class="input" value={filter.sessionId} onInput={(e) => setFilter({ ...filter, sessionId: e.currentTarget.value })} />
        </label>
        <label>
          Status
          <select class="input" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? s.replace(/_/g, ' ') : 'any'}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button secondary small">
          Show
        </button>
      </form>
      <Problem error={error} />
      {claims && claims.length === 0 && <p>No claims match.</p>}
      {claims && claims.length > 0 && (
        <TableRegion class="finance-table" label="Claims">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Status</th>
              <th scope="col">Claimed</th>
              <th scope="col">Approved</th>
              <th scope="col">Paid by</th>
              <th scope="col">Account</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" class="button link" onClick={() => onOpen(c.id)}>
                    {c.referenceCode}
                  </button>
                  {c.late && <span class="tag">late</span>}
                  {c.needsSecond && <span class="tag">needs second approver</span>}
                </td>
                <td>{c.status.replace(/_/g, ' ')}</td>
                <td>{pounds(c.claimedPence)}</td>
                <td>{pounds(c.approvedPence)}</td>
                <td>{c.paymentMethod}</td>
                <td>{c.account ?? '–'}</td>
                <td>{new Date(c.receivedAt).toLocaleString('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' })}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </div>
  );
}
