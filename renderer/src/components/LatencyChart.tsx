import type { CircuitStats } from '../../../core/contract/index.js';
import { formatMs, percent } from '../format.js';

const BAR = 22;
const GAP = 14;
const LABEL_W = 150;
const WIDTH = 560;

/** Per-circuit latency: p50 bar, p95 whisker, success rate; a table underneath carries the same data. */
export function LatencyChart({
  stats,
  caption = 'Bar: median (p50) total time of verified proofs; whisker: p95.',
  empty = 'No proofs yet: latency appears after the first one.',
}: {
  stats: CircuitStats[];
  caption?: string;
  /** What to say while there is nothing to plot. */
  empty?: string;
}) {
  if (stats.length === 0) return <p className="empty">{empty}</p>;
  const max = Math.max(...stats.map((s) => s.p95Ms), 1);
  const plot = WIDTH - LABEL_W - 90;
  const height = stats.length * (BAR + GAP) + GAP;
  const x = (ms: number) => LABEL_W + (ms / max) * plot;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={stats
          .map((s) => `${s.circuitName}: median ${formatMs(s.p50Ms)}, p95 ${formatMs(s.p95Ms)}`)
          .join('; ')}
      >
        {stats.map((s, i) => {
          const y = GAP + i * (BAR + GAP);
          return (
            <g key={s.circuitId}>
              <text x={LABEL_W - 8} y={y + BAR * 0.7} textAnchor="end" className="chart-label">
                {s.circuitName.length > 20 ? `${s.circuitName.slice(0, 19)}…` : s.circuitName}
              </text>
              <rect
                x={LABEL_W}
                y={y}
                width={Math.max(2, x(s.p50Ms) - LABEL_W)}
                height={BAR}
                rx={3}
                className="chart-bar"
              />
              <line
                x1={x(s.p50Ms)}
                x2={x(s.p95Ms)}
                y1={y + BAR / 2}
                y2={y + BAR / 2}
                className="chart-whisker"
              />
              <line x1={x(s.p95Ms)} x2={x(s.p95Ms)} y1={y + 4} y2={y + BAR - 4} className="chart-whisker" />
              <text x={x(s.p95Ms) + 6} y={y + BAR * 0.7} className="chart-value">
                {formatMs(s.p50Ms)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{caption}</figcaption>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Circuit</th>
            <th scope="col">Proofs</th>
            <th scope="col">Verified</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.circuitId}>
              <td>{s.circuitName}</td>
              <td>{s.count}</td>
              <td>{percent(s.successRate)}</td>
              <td>{formatMs(s.p50Ms)}</td>
              <td>{formatMs(s.p95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
