/** Who took part: monitoring in aggregate with small numbers suppressed, against reference shares; venues; consultation fatigue. */
import { useEffect, useState } from 'preact/hooks';
import { filterParams } from '../../../shared/insight';
import { TableRegion } from '../../../ui/TableRegion';
import { api, hasRole } from '../api';
import { Field, Problem, Saved } from '../ui';
import { BarChart } from './Charts';
import { filter, MONITORING_NAMES, nice } from './data';
import { FilterSummary } from './Filters';

interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
}
interface Rep {
  key: string;
  share: number | null;
  reference: number | null;
  indicator: 'over' | 'under' | 'similar' | 'unknown';
}
interface Participation {
  total: number | null;
  threshold: number;
  dimensions: { dimension: string; table: { cells: Cell[]; total: number | null }; representation: Rep[] }[];
  venues: { key: string; label: string; count: number }[];
  fatigue: { area: string; engagements: number }[];
  sources: Record<string, string>;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
const INDICATOR = { over: 'Over-represented ▲', under: 'Under-represented ▼', similar: 'Similar', unknown: 'Not known' };

function ReferenceForm({
  id,
  dimension,
  cells,
  source,
  onSaved,
}: {
  id: string;
  dimension: string;
  cells: Cell[];
  source: string;
  onSaved: (p: Participation) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [src, setSrc] = useState(source);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    const shares = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    if (Object.values(shares).some((n) => !Number.isFinite(n))) return setProblem('Enter each share as a number from 0 to 100.');
    try {
      onSaved(await api<Participation>('PUT', `/api/staff/insight/${id}/reference`, { dimension, source: src, shares }));
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <details class="insight-reference">
      <summary>Enter reference population shares for {MONITORING_NAMES[dimension]}</summary>
      <form onSubmit={save}>
        <Problem message={problem} />
        <Field id={`ref-${dimension}-source`} label="Source (for example: Census 2022, Glasgow City)" value={src} onInput={setSrc} />
        {cells
          .filter((c) => c.key !== 'not_stated')
          .map((c) => (
            <Field
              key={c.key}
              id={`ref-${dimension}-${c.key}`}
              label={`${c.key.replace(/_/g, ' ')}: share in %`}
              value={values[c.key] ?? ''}
              onInput={(v) => setValues({ ...values, [c.key]: v })}
            />
          ))}
        <button type="submit" class="button primary">
          Save shares
        </button>
      </form>
    </details>
  );
}

export function People({ id }: { id: string }) {
  const [p, setP] = useState<Participation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    const query = filterParams(filter.value).toString();
    api<Participation>('GET', `/api/staff/insight/${id}/participation${query ? `?${query}` : ''}`)
      .then(setP)
      .catch((e) => setProblem(e.message));
  }, [id]);
  if (!p) return <Problem message={problem} />;
  return (
    <>
      <Saved message={saved} />
      <FilterSummary />
      <p>
        Equality monitoring is shown only in aggregate. Groups of fewer than {p.threshold} people are shown as "fewer than {p.threshold}",
        and where one could be worked out from the others, another group is hidden too.
      </p>
      {p.dimensions.map((d) => (
        <section key={d.dimension} data-dimension={d.dimension}>
          <h2>{MONITORING_NAMES[d.dimension] ?? d.dimension}</h2>
          <BarChart
            id={`m-${d.dimension}`}
            title={`${MONITORING_NAMES[d.dimension]}: participants`}
            unit="participants"
            threshold={p.threshold}
            keyLabel="Group"
            bars={d.table.cells.map((c) => ({ key: c.key, label: nice(c.key), count: c.count }))}
          />
          {d.representation.some((r) => r.reference !== null) && (
            <TableRegion
              class="staff-table"
              caption={`${MONITORING_NAMES[d.dimension]} compared with the reference population${p.sources[d.dimension] ? ` (${p.sources[d.dimension]})` : ''}`}
            >
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Share of participants who said</th>
                  <th scope="col">Reference share</th>
                  <th scope="col">Representation</th>
                </tr>
              </thead>
              <tbody>
                {d.representation
                  .filter((r) => r.key !== 'not_stated')
                  .map((r) => (
                    <tr key={r.key} data-key={r.key}>
                      <th scope="row">{nice(r.key)}</th>
                      <td>{pct(r.share)}</td>
                      <td>{pct(r.reference)}</td>
                      <td data-indicator={r.indicator}>{INDICATOR[r.indicator]}</td>
                    </tr>
                  ))}
              </tbody>
            </TableRegion>
          )}
          {hasRole('organiser', 'analyst') && (
            <ReferenceForm
              id={id}
              dimension={d.dimension}
              cells={d.table.cells}
              source={p.sources[d.dimension] ?? ''}
              onSaved={(next) => {
                setP(next);
                setSaved('Reference shares saved.');
              }}
            />
          )}
        </section>
      ))}
      <h2>Where people took part</h2>
      <BarChart id="venues" title="Participants per venue" unit="participants" keyLabel="Venue" bars={p.venues} />
      <h2>Consultation fatigue</h2>
      {p.fatigue.length === 0 ? (
        <p>No session areas were recorded for this engagement.</p>
      ) : (
        <TableRegion
          class="staff-table"
          data-table="fatigue"
          caption="Engagements that reached the same area in the last 12 months (this one included)"
        >
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Engagements</th>
            </tr>
          </thead>
          <tbody>
            {p.fatigue.map((f) => (
              <tr key={f.area}>
                <th scope="row">{f.area}</th>
                <td>{f.engagements}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </>
  );
}
