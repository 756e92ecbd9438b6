import type { ServedRequest } from '../../contract/served-request.js';
import type { Sn2Metrics } from './sn2-metrics.js';

/** The synapses a SN2 miner serves (plus the `/Synapse` ping): any other route label is "unknown". */
const MINER_ROUTES = new Set([
  'QueryZkProof',
  'ProofOfWeightsSynapse',
  'QueryForCapacities',
  'Competition',
  'Synapse',
]);

/** Why the axon refused a request, by the status code the v10 axon answers with (bittensor `axon.py`). */
const REFUSAL_REASONS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'bad-signature-or-nonce',
  403: 'blacklisted',
  404: 'unknown-synapse',
  408: 'timeout',
  413: 'too-large',
  422: 'bad-body',
  429: 'rate-limited',
  499: 'client-closed',
  500: 'internal-error',
  503: 'queue-full',
};

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
    const known = Object.hasOwn(REFUSAL_REASONS, r.status);
    const status = r.status >= 100 && r.status < 600 ? String(r.status) : 'other';
    metrics.recordAxonResponse(
      route,
      status,
      r.status >= 400 ? (known ? REFUSAL_REASONS[r.status] : 'other') : null,
    );
  });
  const untrack = metrics.trackQueue('miner_requests', () => miner.inFlight);
  return () => {
    offRequests();
    untrack();
  };
}
