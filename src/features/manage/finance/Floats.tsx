/** Cash floats: a session the device reported, what finance counted issued and returned, and reconciling it. */
import { useEffect, useState } from 'preact/hooks';
import { parsePounds } from '../../../shared/money';
import type { SessionSummary } from '../../../shared/protocol';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, problemOf } from '../api';
import { Page, Problem } from '../ui';
import { pounds } from './data';
import financeCss from './finance.css?url';

void addStyles(financeCss);

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
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<{ sessions: SessionSummary[] }>('GET', '/api/finance/sessions')
      .then((r) => setSessions(r.sessions))
      .catch((e) => setProblem(problemOf(e)));
  }, []);
  // a failure is said as such, not shown as "no sessions"
  if (problem) return <Problem message={problem} />;
  if (!sessions) return <p>Loading sessions…</p>;
  if (sessions.length === 0)
    return <p>No device has reported a closed session yet: a session's float is checked once its device sends it.</p>;
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
  const [session, setSession] = useState<SessionSummary | null>(null);
  const [f, setF] = useState({ issued: '', returned: '', reason: '' });
  const [report, setReport] = useState<FloatReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const call = (p: Promise<FloatReport>) =>
    p
      .then((r) => {
        setReport(r);
        setProblem(null);
      })
      .catch((e) => setProblem(problemOf(e)));
  // the form for the chosen session appears below the list: move there, so a keyboard or screen reader follows
  useEffect(() => document.getElementById('float-title')?.focus(), [session?.id]);
  const url = (s: SessionSummary, rest = '') => `/api/finance/floats/${encodeURIComponent(s.id)}${rest}`;
  const pick = (s: SessionSummary) => {
    setSession(s);
    // the facilitator's own figures as a starting point: finance checks them against the cash
    setF({ issued: decimal(s.reported.issuedPence), returned: decimal(s.reported.returnedPence), reason: '' });
    void call(api('GET', url(s)));
  };
  return (
    <Page title="Cash floats">
      <Problem message={problem} />
      <SessionList onPick={pick} />
      {session && (
        <section class="panel" aria-labelledby="float-title">
          <h2 id="float-title" tabIndex={-1}>
            Float of {session.venue}, {session.date}
          </h2>
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
          <label class="label" for="float-issued">
            Issued (£)
          </label>
          <input
            id="float-issued"
            class="input"
            inputMode="decimal"
            value={f.issued}
            onInput={(e) => setF({ ...f, issued: e.currentTarget.value })}
          />
          <label class="label" for="float-returned">
            Returned (£)
          </label>
          <input
            id="float-returned"
            class="input"
            inputMode="decimal"
            value={f.returned}
            onInput={(e) => setF({ ...f, returned: e.currentTarget.value })}
          />
          <div class="actions">
            <button
              type="button"
              class="button secondary"
              onClick={() =>
                call(api('POST', url(session), { issuedPence: parsePounds(f.issued) ?? -1, returnedPence: parsePounds(f.returned) ?? -1 }))
              }
            >
              Record float
            </button>
          </div>
          <label class="label" for="float-reason">
            Reason (only if it does not balance)
          </label>
          <input id="float-reason" class="input" value={f.reason} onInput={(e) => setF({ ...f, reason: e.currentTarget.value })} />
          <div class="actions">
            <button
              type="button"
              class="button primary"
              onClick={() => call(api('POST', url(session, '/reconcile'), f.reason ? { reason: f.reason } : {}))}
            >
              Reconcile
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}
