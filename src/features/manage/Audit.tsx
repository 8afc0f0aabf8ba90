/**
 * The audit log for admins: newest first, filtered by who, what, subject and dates (the filter is in the
 * address, so a view can be shared), a page at a time, and the same view as CSV (the export is audited too).
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from '../../ui/router';
import { TableRegion } from '../../ui/TableRegion';
import { api, problemOf } from './api';
import { Field, Page, Problem, when } from './ui';

const FILTERS = ['who', 'action', 'subject', 'from', 'to'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;
interface AuditEvent {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  reason: string | null;
  detail: unknown;
}

const queryOf = (f: Partial<Filter>) => new URLSearchParams(FILTERS.flatMap((k) => (f[k] ? [[k, f[k] as string]] : [])));

export function Audit() {
  const { query, route, url } = useLocation();
  const [filter, setFilter] = useState<Filter>(Object.fromEntries(FILTERS.map((k) => [k, query[k] ?? ''])) as Filter);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = queryOf(query);
  const load = (offset: number) =>
    api<{ events: AuditEvent[]; nextOffset: number | null }>('GET', `/api/admin/audit?${shown}&offset=${offset}&limit=100`)
      .then((r) => {
        setEvents((before) => (offset === 0 ? r.events : [...(before ?? []), ...r.events]));
        setNext(r.nextOffset);
        setProblem(null);
      })
      .catch((e) => setProblem(problemOf(e)));
  useEffect(() => void load(0), [url]);
  const set = (k: keyof Filter) => (v: string) => setFilter({ ...filter, [k]: v });
  const apply = (e: Event) => {
    e.preventDefault();
    const q = queryOf(filter);
    route(`/staff/audit${q.size ? `?${q}` : ''}`);
  };
  return (
    <Page title="Audit log">
      <form class="audit-filter" onSubmit={apply} aria-label="Filter the audit log">
        <Field id="audit-who" label="Who" hint="As logged, e.g. staff:ann@example.org or system" value={filter.who} onInput={set('who')} />
        <Field
          id="audit-action"
          label="What"
          hint="An action, e.g. claim.approved, or a family ending in a full stop, e.g. claim."
          value={filter.action}
          onInput={set('action')}
        />
        <Field id="audit-subject" label="Subject" hint="e.g. claim:… or payment_run:…" value={filter.subject} onInput={set('subject')} />
        <Field id="audit-from" label="From (date)" type="date" value={filter.from} onInput={set('from')} />
        <Field id="audit-to" label="To (date, included)" type="date" value={filter.to} onInput={set('to')} />
        <div class="actions">
          <button type="submit" class="button primary">
            Show events
          </button>
        </div>
      </form>
      <p>
        <a href={`/api/admin/audit.csv?${shown}`} download>
          Download these events as CSV
        </a>
      </p>
      <Problem message={problem} />
      {!events && !problem && <p>Loading the audit log…</p>}
      {events && events.length === 0 && <p>No events match.</p>}
      {events && events.length > 0 && (
        <TableRegion class="staff-table" caption="Events, newest first" data-testid="audit-events">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
              <th scope="col">Reason and detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td class="audit-break">{e.actor}</td>
                <td>{e.action}</td>
                <td class="audit-break">{e.subject ?? '–'}</td>
                <td class="audit-break">
                  {e.reason}
                  {e.detail !== null && <div class="hint">{JSON.stringify(e.detail)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {next !== null && (
        <button type="button" class="button secondary" onClick={() => void load(next)}>
          Show older events
        </button>
      )}
    </Page>
  );
}
