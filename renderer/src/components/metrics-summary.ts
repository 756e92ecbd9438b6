import type { CircuitStats, MetricSnapshot } from '../../../core/contract/index.js';

// What the Mining/Validator pages show, read from the core's Prometheus registry (`metrics.snapshot`):
// the same counters `/metrics` exposes, so a dashboard and the app never disagree.

export type Role = 'miner' | 'validator';

type Series = MetricSnapshot['values'][number];

const series = (snap: MetricSnapshot[], name: string): Series[] =>
  snap.find((m) => m.name === name)?.values ?? [];

const label = (v: Series, key: string): string => String(v.labels[key] ?? '');

export interface RequestCount {
  route: string;
  status: string;
  count: number;
}

/** Requests served (miner) or judged (validator) since the app started, by route and outcome. */
export function requestCounts(snap: MetricSnapshot[], role: Role): RequestCount[] {
  return series(snap, 'sn2_requests_total')
    .filter((v) => label(v, 'role') === role && v.value > 0)
    .map((v) => ({ route: label(v, 'route'), status: label(v, 'status'), count: v.value }))
    .sort((a, b) => a.route.localeCompare(b.route) || b.count - a.count);
}

export interface VerificationRow {
  circuit: string;
  total: number;
  byOutcome: Record<string, number>;
}

/** The validator's verdicts on miners' proofs, per circuit. */
export function verificationOutcomes(snap: MetricSnapshot[]): VerificationRow[] {
  const rows = new Map<string, VerificationRow>();
  for (const v of series(snap, 'sn2_verifications_total')) {
    if (v.value <= 0) continue;
    const circuit = label(v, 'circuit');
    const row = rows.get(circuit) ?? { circuit, total: 0, byOutcome: {} };
    row.byOutcome[label(v, 'outcome')] = (row.byOutcome[label(v, 'outcome')] ?? 0) + v.value;
    row.total += v.value;
    rows.set(circuit, row);
  }
  return [...rows.values()].sort((a, b) => a.circuit.localeCompare(b.circuit));
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside its bucket as Prometheus'
 * `histogram_quantile` does; a rank in the +Inf bucket gets the highest finite bound.
 */
export function histogramQuantile(q: number, buckets: Array<{ le: number; count: number }>): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return prevLe;
      const inBucket = b.count - prevCount;
      return inBucket === 0 ? b.le : prevLe + ((b.le - prevLe) * (rank - prevCount)) / inBucket;
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

const HISTOGRAM = 'sn2_proof_duration_seconds';

/**
 * Miners' response time per circuit as the validator measured it, from the proof-duration histogram
 * (p50/p95 estimated from its buckets), with the share of responses that verified.
 */
export function validatorLatencyStats(snap: MetricSnapshot[]): CircuitStats[] {
  const perCircuit = new Map<string, Map<number, number>>();
  for (const v of series(snap, HISTOGRAM)) {
    if (v.metricName !== `${HISTOGRAM}_bucket` || label(v, 'role') !== 'validator') continue;
    const circuit = label(v, 'circuit');
    const le = label(v, 'le') === '+Inf' ? Number.POSITIVE_INFINITY : Number(label(v, 'le'));
    const buckets = perCircuit.get(circuit) ?? new Map<number, number>();
    buckets.set(le, (buckets.get(le) ?? 0) + v.value);
    perCircuit.set(circuit, buckets);
  }
  const outcomes = new Map(verificationOutcomes(snap).map((r) => [r.circuit, r]));
  const stats: CircuitStats[] = [];
  for (const [circuit, byLe] of perCircuit) {
    const buckets = [...byLe].map(([le, count]) => ({ le, count }));
    const count = Math.max(...buckets.map((b) => b.count));
    if (count === 0) continue;
    const verdicts = outcomes.get(circuit);
    stats.push({
      circuitId: circuit,
      circuitName: circuit,
      count,
      successRate: verdicts ? (verdicts.byOutcome.verified ?? 0) / verdicts.total : 0,
      p50Ms: histogramQuantile(0.5, buckets) * 1000,
      p95Ms: histogramQuantile(0.95, buckets) * 1000,
    });
  }
  return stats.sort((a, b) => a.circuitName.localeCompare(b.circuitName));
}
