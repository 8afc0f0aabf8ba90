/**
 * Claims, filtered by engagement, session and state chosen from lists (the filter is in the address, so a
 * view can be bookmarked), with approval of several claims at once where one person may approve them.
 */
import { useEffect, useState } from 'preact/hooks';
import { CLAIM_STATES } from '../../../shared/claims';
import { useLocation } from '../../../ui/router';
import { addStyles } from '../../../ui/styles';
import { TableRegion } from '../../../ui/TableRegion';
import { api, problemOf } from '../api';
import { Page, Problem, Saved } from '../ui';
import { BulkApprove, canBulkApprove } from './BulkApprove';
import { type ClaimList, type Named, pounds, refOf, toggled, whenLondon, words } from './data';
import financeCss from './finance.css?url';

void addStyles(financeCss);

const FILTERS = ['engagementId', 'sessionId', 'status'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;

function Choose(props: { id: string; label: string; value: string; options: Named[]; onChange: (v: string) => void }) {
  return (
    <div class="field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} class="input" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ClaimsList() {
  const { query, route, url } = useLocation();
  const [filter, setFilter] = useState<Filter>({
    engagementId: query.engagementId ?? '',
    sessionId: query.sessionId ?? '',
    status: query.status ?? '',
  });
  const [list, setList] = useState<ClaimList | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = () => {
    const q = new URLSearchParams(FILTERS.flatMap((k) => (query[k] ? [[k, query[k]]] : [])));
    api<ClaimList>('GET', `/api/finance/claims?${q}`)
      .then((r) => {
        setList(r);
        setSelected(new Set());
        setProblem(null);
      })
      .catch((e) => setProblem(problemOf(e)));
  };
  useEffect(load, [url]);
  const show = (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const q = new URLSearchParams(FILTERS.flatMap((k) => (filter[k] ? [[k, filter[k]]] : [])));
    route(`/staff/finance/claims${q.size ? `?${q}` : ''}`);
  };
  const toggle = (id: string, on: boolean) => setSelected(toggled(selected, id, on));
  const claims = list?.claims ?? [];
  return (
    <Page title="Claims">
      <form class="finance-filter" onSubmit={show} aria-label="Filter claims">
        <Choose
          id="filter-engagement"
          label="Engagement"
          value={filter.engagementId}
          options={list?.engagements ?? []}
          onChange={(engagementId) => setFilter({ ...filter, engagementId })}
        />
        <Choose
          id="filter-session"
          label="Session"
          value={filter.sessionId}
          options={list?.sessions ?? []}
          onChange={(sessionId) => setFilter({ ...filter, sessionId })}
        />
        <Choose
          id="filter-status"
          label="Status"
          value={filter.status}
          options={CLAIM_STATES.filter((s) => s !== 'queued').map((s) => ({ id: s, name: words(s) }))}
          onChange={(status) => setFilter({ ...filter, status })}
        />
        <button type="submit" class="button secondary">
          Show claims
        </button>
      </form>
      <Problem message={problem} />
      <Saved message={saved} />
      {!list && !problem && <p>Loading claims…</p>}
      {list && claims.length === 0 && <p>No claims match.</p>}
      {claims.length > 0 && (
        <>
          {claims.some(canBulkApprove) && (
            <BulkApprove
              claims={claims.filter((c) => selected.has(c.id))}
              onDone={(message) => {
                setSaved(message);
                load();
              }}
              onProblem={setProblem}
            />
          )}
          <TableRegion class="staff-table finance-table" label="Claims">
            <thead>
              <tr>
                <th scope="col">Select</th>
                <th scope="col">Claim</th>
                <th scope="col">Engagement and session</th>
                <th scope="col">Status</th>
                <th scope="col">Claimed</th>
                <th scope="col">Approved</th>
                <th scope="col">Paid by</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((c) => (
                <tr key={c.id}>
                  <td>
                    {canBulkApprove(c) ? (
                      <input
                        type="checkbox"
                        class="tick"
                        aria-label={`Select claim ${refOf(c)} for approval`}
                        checked={selected.has(c.id)}
                        onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                      />
                    ) : null}
                  </td>
                  <td>
                    <a href={`/staff/finance/claims/${encodeURIComponent(c.id)}`} aria-label={`Open claim ${refOf(c)}`}>
                      {refOf(c)}
                    </a>
                    {c.late && <span class="tag">late</span>}
                    {(c.needsSecond || (c.status === 'submitted' && c.secondIfApproved)) && (
                      <span class="tag">needs a second approver</span>
                    )}
                  </td>
                  <td>
                    {c.engagementTitle}
                    {c.sessionName && <div class="hint">{c.sessionName}</div>}
                  </td>
                  <td>
                    {words(c.status)}
                    {c.paymentFailed && <span class="tag">last payment refused</span>}
                  </td>
                  <td>{pounds(c.claimedPence)}</td>
                  <td>{pounds(c.approvedPence)}</td>
                  <td>
                    {c.paymentMethod}
                    {c.account && <div class="hint">{c.account}</div>}
                  </td>
                  <td>{whenLondon(c.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </>
      )}
    </Page>
  );
}
