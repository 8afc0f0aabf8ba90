/**
 * Accessible bar charts: an SVG with role="img", named by its title and described by a text summary,
 * always followed by the same figures as a data table (the chart is never the only way to read them).
 */
import { percent } from '../../../shared/insight';
import { TableRegion } from '../../../ui/TableRegion';

export interface Bar {
  key: string;
  label: string;
  /** null: suppressed ("fewer than N") */
  count: number | null;
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const share = (n: number | null, base?: number) => {
  const p = base === undefined ? null : percent(n, base);
  return p === null ? '' : ` (${p}%)`;
};

/** A label in lines of at most `width` characters, broken at spaces (long words broken too): never cut off. */
export function wrapLabel(label: string, width = 22): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; w = w.slice(width)) {
      const piece = w.slice(0, width);
      if (line && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  return line ? [...lines, line] : lines.length ? lines : [''];
}

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
  base,
}: {
  id: string;
  title: string;
  bars: Bar[];
  unit?: string;
  threshold?: number;
  /** the heading of the first column of the data table */
  keyLabel?: string;
  /** what the percentages are of (e.g. everyone who answered); none: no percentages */
  base?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.count ?? 0));
  const line = 17;
  const labelW = 190;
  const width = 560;
  const laid = bars.reduce<{ bar: Bar; lines: string[]; y: number; h: number }[]>((acc, bar) => {
    const lines = wrapLabel(bar.label);
    const last = acc[acc.length - 1];
    acc.push({ bar, lines, y: last ? last.y + last.h : 4, h: Math.max(28, lines.length * line + 10) });
    return acc;
  }, []);
  const end = laid[laid.length - 1];
  const height = (end ? end.y + end.h : 4) + 4;
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
        {laid.map(({ bar: b, lines, y, h }) => {
          const w = b.count === null ? 0 : Math.round(((width - labelW - 100) * b.count) / max);
          const top = y + (h - 20) / 2;
          return (
            <g key={b.key}>
              <text x={labelW - 8} y={y + (h - lines.length * line) / 2 + 13} text-anchor="end" class="insight-chart-label">
                {lines.map((l, k) => (
                  <tspan key={k} x={labelW - 8} dy={k === 0 ? 0 : line}>
                    {l}
                  </tspan>
                ))}
              </text>
              <rect x={labelW} y={top} width={w} height={20} class={b.count === null ? 'insight-bar suppressed' : 'insight-bar'} />
              <text x={labelW + w + 6} y={top + 15} class="insight-chart-value">
                {b.count === null ? `< ${threshold}` : `${fmt(b.count)}${share(b.count, base)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <p id={`${id}-summary`} class="visually-hidden">
        {summary}
      </p>
      <DataTable id={id} caption={`${title}: figures`} bars={bars} unit={unit} threshold={threshold} keyLabel={keyLabel} base={base} />
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
  base,
}: {
  id: string;
  caption: string;
  bars: Bar[];
  unit?: string;
  threshold?: number;
  keyLabel?: string;
  base?: number;
}) {
  return (
    <TableRegion class="staff-table insight-table" data-table={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">
            Number of {unit}
            {base !== undefined && ' (share)'}
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key} data-key={b.key}>
            <th scope="row">{b.label}</th>
            <td data-count={b.count ?? ''} data-percent={percent(b.count, base ?? null) ?? ''}>
              {b.count === null ? `fewer than ${threshold}` : `${fmt(b.count)}${share(b.count, base)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
