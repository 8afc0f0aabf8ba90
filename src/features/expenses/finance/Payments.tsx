/** Payment runs (CSV for the bank, then paid or failed), cash floats per session, totals per engagement. */
import { useEffect, useState } from 'preact/hooks';
import { parsePounds } from '../../../shared/money';
import type { SessionSummary } from '../../../shared/protocol';
import { TableRegion } from '../../../ui/TableRegion';
import { api, pounds } from './api';
import { Problem } from './FinanceApp';

function download(name: string, text: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  return url;
}

export function Payments() {
  const [run, setRun] = useState<{ id: string; claimCount: number; totalPence: number; csv: string } | null>(null);
  const [failed, setFailed] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <div>
      <h1>Payment runs</h1>
      <p>A run takes every approved bank-transfer claim (with a second approval where needed) and gives the bank's bulk-payment CSV.</p>
      <Problem error={error} />
      <button
        type="button"
        class="button primary"
        onClick={() =>
          api<NonNullable<typeof run>>('POST', '/api/finance/payment-runs')
            .then((r) => {
              setRun(r);
              setError(null);
              download(`payment-run-${r.id}.csv`, r.csv);
            })
            .catch(setError)
        }
      >
        Create payment run
      </button>
      {run && (
        <div class="panel">
          <h2>Run {run.id.slice(0, 8)}</h2>
          <p data-testid="run-summary">
            {run.claimCount} claims, {pounds(run.totalPence)}
          </p>
          <label class="label" for="failed">
            Claims the bank refused (one claim id and reason a line, "id: reason")
          </label>
          <textarea id="failed" class="textarea" value={failed} onInput={(e) => setFailed(e.currentTarget.value)} />
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              const list = failed
                .split('\n')
                .map((l) => l.split(':'))
                .filter(([id]) => id?.trim())
                .map(([id, ...r]) => ({ claimId: (id as string).trim(), reason: r.join(':').trim() }));
              api('POST', `/api/finance/payment-runs/${run.id}/result`, { failed: list })
                .then(() => setDone('Marked: the rest of the run is paid.'))
                .catch(setError);
            }}
          >
            Mark run paid
          </button>
          <p role="status">{done}</p>
        </div>
      )}
    </div>
  );
}

type FloatReport = {
  issuedPence: number;
  paidOutPence: number;
  returnedPence: number;
  differencePence: number;
  reconciledAt: string | null;
  recorded: boolean;
};

const decimal = (p: number | null) => (p === null ? '' : (p / 100).toFixed(2));

/** Sessions the devices reported once closed: pick one to check its float against what came back. */
function SessionList({ onPick }: { onPick: (s: SessionSummary) => void }) {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ sessions: SessionSummary[] }>('GET', '/api/finance/sessions')
      .then((r) => setSessions(r.sessions))
      .catch(setError);
  }, []);
  // a failure is said as such, not shown as "no sessions"
  if (error) return <Problem error={error} />;
  if (!sessions) return <p>Loading sessions…</p>;
  if (sessions.length === 0) return <p>No device has reported a closed session yet. You can still enter a session id below.</p>;
  return (
    <TableRegion class="staff-table" data-testid="float-sessions" caption="Sessions reported by devices, newest first">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Venue</th>
          <th scope="col">Came</th>
          <th scope="col">Float on the device</th>
          <th scope="col">Finance</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>{s.date}</td>
            <td>
              {s.venue} ({s.area}), {s.engagementSlug}
              {s.notes && <div class="hint">Notes: {s.notes}</div>}
            </td>
            <td>{s.attendance ?? 'not given'}</td>
            <td>
              issued {pounds(s.reported.issuedPence)}, paid out {pounds(s.reported.paidOutPence)}, returned{' '}
              {s.reported.returnedPence === null ? 'not given' : pounds(s.reported.returnedPence)}
            </td>
            <td>{s.reconciledAt ? 'reconciled' : s.recorded ? 'recorded' : 'to check'}</td>
            <td>
              <button type="button" class="button secondary small" onClick={() => onPick(s)}>
                Check float{' '}
                <span class="visually-hidden">
                  of {s.venue} on {s.date}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

export function Floats() {
  const [session, setSession] = useState('');
  const [f, setF] = useState({ issued: '', returned: '', reason: '' });
  const [report, setReport] = useState<FloatReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const call = (p: Promise<FloatReport>) =>
    p
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch(setError);
  const pick = (s: SessionSummary) => {
    setSession(s.id);
    // the facilitator's own figures as a starting point: finance checks them against the cash
    setF({ issued: decimal(s.reported.issuedPence), returned: decimal(s.reported.returnedPence), reason: '' });
    void call(api('GET', `/api/finance/floats/${encodeURIComponent(s.id)}`));
  };
  return (
    <div>
      <h1>Cash floats</h1>
      <Problem error={error} />
      <SessionList onPick={pick} />
      <label class="label" for="float-session">
        Session id
      </label>
      <input id="float-session" class="input" value={session} onInput={(e) => setSession(e.currentTarget.value)} />
      <button
        type="button"
        class="button secondary small"
        onClick={() => call(api('GET', `/api/finance/floats/${encodeURIComponent(session)}`))}
      >
        Show float
      </button>
      <label class="label" for="float-issued">
        Issued (£)
      </label>
      <input id="float-issued" class="input" value={f.issued} onInput={(e) => setF({ ...f, issued: e.currentTarget.value })} />
      <label class="label" for="float-returned">
        Returned (£)
      </label>
      <input id="float-returned" class="input" value={f.returned} onInput={(e) => setF({ ...f, returned: e.currentTarget.value })} />
      <button
        type="button"
        class="button secondary small"
        onClick={() =>
          call(
            api('POST', `/api/finance/floats/${encodeURIComponent(session)}`, {
              issuedPence: parsePounds(f.issued) ?? -1,
              returnedPence: parsePounds(f.returned) ?? -1,
            }),
          )
        }
      >
        Record float
      </button>
      {report && (
        <dl class="figures" data-testid="float-report">
          <dt>Issued</dt>
          <dd>{pounds(report.issuedPence)}</dd>
          <dt>Paid out</dt>
          <dd>{pounds(report.paidOutPence)}</dd>
          <dt>Returned</dt>
          <dd>{pounds(report.returnedPence)}</dd>
          <dt>Difference</dt>
          <dd>{pounds(report.differencePence)}</dd>
          <dt>Reconciled</dt>
          <dd>{report.reconciledAt ?? 'not yet'}</dd>
        </dl>
      )}
      <label class="label" for="float-reason">
        Reason (only if it does not balance)
      </label>
      <input id="float-reason" class="input" value={f.reason} onInput={(e) => setF({ ...f, reason: e.currentTarget.value })} />
      <button
        type="button"
        class="button primary"
        onClick={() =>
          call(api('POST', `/api/finance/floats/${encodeURIComponent(session)}/reconcile`, f.reason ? { reason: f.reason } : {}))
        }
      >
        Reconcile
      </button>
    </div>
  );
}

type Totals = {
  total: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byMethod: Record<string, Record<string, number>>;
};

export function Totals() {
  const [engagement, setEngagement] = useState('');
  const [totals, setTotals] = useState<Totals | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rows = (title: string, m: Record<string, Record<string, number>>) =>
    Object.entries(m).map(([k, v]) => (
      <tr key={`${title}-${k}`}>
        <th scope="row">
          {title}: {k.replace(/_/g, ' ')}
        </th>
        <td>{pounds(v.claimedPence)}</td>
        <td>{pounds(v.approvedPence)}</td>
        <td>{pounds(v.paidPence)}</td>
      </tr>
    ));
  return (
    <div>
      <h1>Totals</h1>
      <Problem error={error} />
      <label class="label" for="totals-engagement">
        Engagement id
      </label>
      <input id="totals-engagement" class="input" value={engagement} onInput={(e) => setEngagement(e.currentTarget.value)} />
      <button
        type="button"
        class="button secondary small"
        onClick={() =>
          api<Totals>('GET', `/api/finance/engagements/${encodeURIComponent(engagement)}/totals`)
            .then((t) => {
              setTotals(t);
              setError(null);
            })
            .catch(setError)
        }
      >
        Show totals
      </button>
      {totals && (
        <>
          <TableRegion class="finance-table" label="Totals">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Claimed</th>
                <th scope="col">Approved</th>
                <th scope="col">Paid</th>
              </tr>
            </thead>
            <tbody>
              {rows('all', { all: totals.total })}
              {rows('category', totals.byCategory)}
              {rows('method', totals.byMethod)}
            </tbody>
          </TableRegion>
          <a href={`/api/finance/engagements/${encodeURIComponent(engagement)}/totals.csv`} download>
            Download CSV
          </a>
        </>
      )}
    </div>
  );
}
