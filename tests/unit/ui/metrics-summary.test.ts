import { describe, expect, it } from 'vitest';
import { Sn2Metrics } from '../../../core/service/metrics/sn2-metrics.js';
import type { ProofLogEntry } from '../../../core/contract/index.js';
import {
  histogramQuantile,
  requestCounts,
  validatorLatencyStats,
  verificationOutcomes,
} from '../../../renderer/src/components/metrics-summary.js';

const entry = (
  i: number,
  role: ProofLogEntry['role'],
  status: ProofLogEntry['status'],
  totalMs: number,
  circuitName = 'LSTM',
  prover = 'snarkjs',
): ProofLogEntry => ({
  id: `p${i}`,
  at: i,
  role,
  route: 'QueryZkProof',
  circuitId: `${circuitName}-id`,
  circuitName,
  inputBytes: 1,
  totalMs,
  prover,
  status,
});

async function snapshotOf(entries: ProofLogEntry[]) {
  const metrics = new Sn2Metrics({ processMetrics: false });
  for (const e of entries) metrics.observe({ type: 'proof', entry: e });
  return metrics.snapshot();
}

describe('histogramQuantile', () => {
  it('interpolates inside the bucket holding the rank, as Prometheus does', () => {
    const buckets = [
      { le: 1, count: 2 },
      { le: 2, count: 6 },
      { le: Number.POSITIVE_INFINITY, count: 6 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(1.25);
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.75);
  });

  it('gives the highest finite bound for a rank in +Inf, and NaN for an empty histogram', () => {
    expect(
      histogramQuantile(0.95, [
        { le: 120, count: 1 },
        { le: Number.POSITIVE_INFINITY, count: 10 },
      ]),
    ).toBe(120);
    expect(histogramQuantile(0.5, [{ le: Number.POSITIVE_INFINITY, count: 0 }])).toBeNaN();
  });
});

describe('metrics summaries over a real Sn2Metrics snapshot', () => {
  it('count requests per role, route and outcome', async () => {
    const snap = await snapshotOf([
      entry(1, 'miner', 'verified', 100),
      entry(2, 'miner', 'verified', 100),
      entry(3, 'miner', 'error', 100),
      entry(4, 'validator', 'failed', 100),
    ]);
    expect(requestCounts(snap, 'miner')).toEqual([
      { route: 'QueryZkProof', status: 'verified', count: 2 },
      { route: 'QueryZkProof', status: 'error', count: 1 },
    ]);
    expect(requestCounts(snap, 'validator')).toEqual([{ route: 'QueryZkProof', status: 'failed', count: 1 }]);
  });

  it('give verification outcomes and p50/p95 latency per circuit, all provers together', async () => {
    const snap = await snapshotOf([
      // LSTM: 0.3, 0.4 s (bucket ≤0.5), 0.7 s (≤1), 1.5 s (≤2): one failed.
      entry(1, 'validator', 'verified', 300),
      entry(2, 'validator', 'verified', 400, 'LSTM', 'rapidsnark'),
      entry(3, 'validator', 'verified', 700),
      entry(4, 'validator', 'failed', 1500),
      entry(5, 'validator', 'timeout', 30_000, 'PoW'),
      entry(6, 'miner', 'verified', 50_000),
    ]);
    expect(verificationOutcomes(snap)).toEqual([
      { circuit: 'LSTM', total: 4, byOutcome: { verified: 3, failed: 1 } },
      { circuit: 'PoW', total: 1, byOutcome: { timeout: 1 } },
    ]);
    const [lstm, pow] = validatorLatencyStats(snap);
    expect(lstm).toMatchObject({ circuitName: 'LSTM', count: 4, successRate: 0.75 });
    expect(lstm.p50Ms).toBeCloseTo(500); // rank 2 = top of the (0.25, 0.5] bucket
    expect(lstm.p95Ms).toBeCloseTo(1000 + 1000 * ((3.8 - 3) / 1)); // inside (1, 2]
    expect(pow).toMatchObject({ circuitName: 'PoW', count: 1, successRate: 0 });
    expect(pow.p50Ms).toBeGreaterThan(20_000);
    expect(pow.p50Ms).toBeLessThanOrEqual(30_000);
  });
});
