import type { ServedRequest } from '../../contract/served-request.js';
import { refusalReason } from '../../miner/refusals.js';
import type { Sn2Metrics } from './sn2-metrics.js';

/** The synapses a SN2 miner serves (plus the `/Synapse` ping): any other route label is "unknown". */
const MINER_ROUTES = new Set([
  'QueryZkProof',
  'ProofOfWeightsSynapse',
  'QueryForCapacities',
  'Competition',
  'Synapse',
]);

/** What a running miner exposes to metrics: its axon's answered requests and its proof queue. */
export interface MetricsMinerSource {
  onRequest(listener: (request: ServedRequest) => void): () => void;
  readonly inFlight: number;
}

/**
 * Feeds a miner into the metrics: every axon response by synapse and status code, refusals by reason
 * (every label from a bounded set: routes and codes come from callers), and the proof queue's depth.
 * Proof latency per circuit and prover comes from the proof events (`Sn2Metrics.observe`).
 */
export function attachMinerMetrics(metrics: Sn2Metrics, miner: MetricsMinerSource): () => void {
  const offRequests = miner.onRequest((r) => {
    const route = MINER_ROUTES.has(r.route) ? r.route : 'unknown';
    const status = r.status >= 100 && r.status < 600 ? String(r.status) : 'other';
    // The same reasons the miner's refusal tracker counts for the UI (a bounded set of labels).
    metrics.recordAxonResponse(route, status, refusalReason(r) ?? null);
  });
  const untrack = metrics.trackQueue('miner_requests', () => miner.inFlight);
  return () => {
    offRequests();
    untrack();
  };
}
