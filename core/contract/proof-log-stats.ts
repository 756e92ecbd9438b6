import { PROOF_DELIVERED, type ProofLogEntry, type CircuitStats } from './events.js';

/** Per-circuit counts, success rate and latency percentiles of proof-log entries (linear in their number). */
export function circuitStats(entries: ProofLogEntry[]): CircuitStats[] {
  const by = new Map<string, ProofLogEntry[]>();
  for (const e of entries) {
    const list = by.get(e.circuitId);
    if (list) list.push(e);
    else by.set(e.circuitId, [e]);
  }
  return [...by.entries()].map(([circuitId, list]) => {
    const ok = list.filter((e) => PROOF_DELIVERED.includes(e.status));
    const times = ok.map((e) => e.totalMs).sort((a, b) => a - b);
    return {
      circuitId,
      circuitName: list[list.length - 1].circuitName,
      count: list.length,
      successRate: ok.length / list.length,
      p50Ms: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
    };
  });
}

/** Nearest-rank percentile of a sorted list (0 for an empty one). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
