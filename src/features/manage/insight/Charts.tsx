/**
 * Accessible bar charts: an SVG with role="img", named by its title and described by a text summary,
 * always followed by the same figures as a data table (the chart is never the only way to read them).
 */
import { TableRegion } from '../../../ui/TableRegion';

export interface Bar {
  key: string;
  label: string;
  /** null: suppressed ("fewer than N") */
  count: number | null;
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

export function summarise(bars: Bar[], unit = 'responses', threshold?: number): string {
  const shown = bars.filter((b): b is Bar & { count: number } => b.count !== null);
  if (shown.length === 0) return `No figures to show${threshold ? ` (all fewer than ${threshold})` : ''}.`;
  const top = [...shown].sort((a, b) => b.count - a.count)[0] as Bar & { count: number };
  const list = bars.map((b) => `${b.label}: ${b.count === null ? `fewer than ${threshold}` : fmt(b.count)}`).join('; ');
  return `Highest: ${top.label} with ${fmt(top.count)} ${unit}. ${list}.`;
}

export function BarChart({
  id,
  title,
  bars,
  unit,
  threshold,
  keyLabel,
}: {
  id: string;
  title: string;
  bars: Bar[];
  unit?: string;
  threshold?: number;
  /** the heading of the first column of the data table */
  keyLabel?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const row = 28;
  const labelW = 180;
  const width = 560;
  const height = bars.length * row + 8;
  const summary = summarise(bars, unit, threshold);
  return (
    <figure class="insight-chart" data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{title}</title>
        {bars.map((b, i) => {
          const w = b.count === null ? 0 : Math.round(((width - labelW - 70) * b.count) / max);
          const y = i * row + 4;
          return (
            <g key={b.key}>
              <text x={labelW - 8} y={y + 17} text-anchor="end" class="insight-chart-label">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <rect x={labelW} y={y} width={w} height={row - 8} class={b.count === null ? 'insight-bar suppressed' : 'insight-bar'} />
              <text x={labelW + w + 6} y={y + 17} class="insight-chart-value">
                {b.count === null ? `< ${threshold}` : fmt(b.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <p id={`${id}-summary`} class="visually-hidden">
        {summary}
      </p>
      <DataTable id={id} caption={`${title}: figures`} bars={bars} unit={unit} threshold={threshold} keyLabel={keyLabel} />
    </figure>
  );
}

export function DataTable({
  id,
  caption,
  bars,
  unit = 'responses',
  threshold,
  keyLabel = 'Answer',
}: {
  id: string;
  caption: string;
  bars: Bar[];
  unit?: string;
  threshold?: number;
  keyLabel?: string;
}) {
  return (
    <TableRegion class="staff-table insight-table" data-table={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">Number of {unit}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key} data-key={b.key}>
            <th scope="row">{b.label}</th>
            <td data-count={b.count ?? ''}>{b.count === null ? `fewer than ${threshold}` : fmt(b.count)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
