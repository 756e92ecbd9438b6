import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CoreEvent, ProofLogEntry } from '../../contract/index.js';

/** A number the owner of a queue reports on each scrape (the validator's request queue, the API's pending calls). */
export type DepthSource = () => number;

/** One metric as the UI reads it: name, help, type and labelled values. */
export interface MetricSnapshot {
  name: string;
  help: string;
  type: string;
  values: Array<{ labels: Record<string, string | number>; value: number; metricName?: string }>;
}

const PROOF_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 45, 60, 120];

/**
 * Prometheus metrics derived from the CoreService event stream, so the `/metrics` endpoint and the UI's
 * charts count the same events. Feed it with `observe(event)` (see `attachMetrics`).
 */
export class Sn2Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'role' | 'route' | 'status'>;
  private readonly proofSeconds: Histogram<'role' | 'circuit' | 'prover'>;
  private readonly stageSeconds: Histogram<'role' | 'circuit' | 'stage'>;
  private readonly verifications: Counter<'circuit' | 'outcome'>;
  private readonly weightsSet: Counter<'method' | 'ok'>;
  private readonly weightsUids: Gauge;
  private readonly weightsBlock: Gauge;
  private readonly standing: Gauge<'field'>;
  private readonly chainUp: Gauge<'endpoint'>;
  private readonly chainLatency: Gauge<'endpoint'>;
  private readonly chainBlock: Gauge<'endpoint'>;
  private readonly componentState: Gauge<'component' | 'state'>;
  private readonly apiRequests: Counter<'route' | 'status'>;
  private readonly axonResponses: Counter<'route' | 'status'>;
  private readonly refusals: Counter<'reason'>;
  private readonly queues = new Map<string, DepthSource>();

  constructor(options: { processMetrics?: boolean; prefix?: string } = {}) {
    const p = options.prefix ?? 'sn2_';
    const registers = [this.registry];
    this.requests = new Counter({
      name: `${p}requests_total`,
      help: 'Proof requests served (miner) or judged (validator), by route and outcome',
      labelNames: ['role', 'route', 'status'],
      registers,
    });
    this.proofSeconds = new Histogram({
      name: `${p}proof_duration_seconds`,
      help: 'End-to-end time of a proof request, per circuit and prover',
      labelNames: ['role', 'circuit', 'prover'],
      buckets: PROOF_BUCKETS_S,
      registers,
    });
    this.stageSeconds = new Histogram({
      name: `${p}proof_stage_seconds`,
      help: 'Time of each proof stage (witness, prove, verify), per circuit',
      labelNames: ['role', 'circuit', 'stage'],
      buckets: PROOF_BUCKETS_S,
      registers,
    });
    this.verifications = new Counter({
      name: `${p}verifications_total`,
      help: 'Validator verification outcomes of miner proofs, per circuit',
      labelNames: ['circuit', 'outcome'],
      registers,
    });
    this.weightsSet = new Counter({
      name: `${p}weights_submissions_total`,
      help: 'Weight submissions (set_weights, commit, reveal) and whether the chain accepted them',
      labelNames: ['method', 'ok'],
      registers,
    });
    this.weightsUids = new Gauge({
      name: `${p}weights_uids`,
      help: 'UIDs in the last accepted weights',
      registers,
    });
    this.weightsBlock = new Gauge({
      name: `${p}weights_last_block`,
      help: 'Block of the last accepted weights',
      registers,
    });
    this.standing = new Gauge({
      name: `${p}standing`,
      help: 'This node on chain: stake, incentive, emission, trust, rank, uid, registered (1/0)',
      labelNames: ['field'],
      registers,
    });
    this.chainUp = new Gauge({
      name: `${p}chain_connected`,
      help: 'Chain connection health (1 connected, 0 otherwise)',
      labelNames: ['endpoint'],
      registers,
    });
    this.chainLatency = new Gauge({
      name: `${p}chain_latency_seconds`,
      help: 'Last measured round trip to the chain endpoint',
      labelNames: ['endpoint'],
      registers,
    });
    this.chainBlock = new Gauge({
      name: `${p}chain_block`,
      help: 'Last block seen from the chain endpoint',
      labelNames: ['endpoint'],
      registers,
    });
    this.componentState = new Gauge({
      name: `${p}component_state`,
      help: 'Lifecycle state of each component (1 for the current state)',
      labelNames: ['component', 'state'],
      registers,
    });
    this.apiRequests = new Counter({
      name: `${p}external_api_requests_total`,
      help: 'Validator external API requests, by route and status',
      labelNames: ['route', 'status'],
      registers,
    });
    this.axonResponses = new Counter({
      name: `${p}axon_responses_total`,
      help: 'Miner axon responses, by synapse and HTTP status code (refusals included)',
      labelNames: ['route', 'status'],
      registers,
    });
    this.refusals = new Counter({
      name: `${p}axon_refusals_total`,
      help: 'Requests the miner axon refused, by reason (bad signature or nonce, blacklisted, rate limit, queue full…)',
      labelNames: ['reason'],
      registers,
    });
    const queues = this.queues;
    new Gauge({
      name: `${p}queue_depth`,
      help: 'Requests waiting or in flight, per queue',
      labelNames: ['queue'],
      registers,
      collect() {
        this.reset();
        for (const [queue, depth] of queues) this.set({ queue }, depth());
      },
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: p });
  }

  /** Report a queue's depth on every scrape (the validator's request queue, the API's pending calls). */
  trackQueue(name: string, depth: DepthSource): () => void {
    this.queues.set(name, depth);
    return () => void this.queues.delete(name);
  }

  /** The external API's per-request hook (`ExternalApiServerOptions.onRequest`). */
  readonly recordApiRequest = (route: string, status: string): void => {
    this.apiRequests.inc({ route, status });
  };

  /** One answered axon request; `refusal` is the reason when it was refused (see `attachMinerMetrics`). */
  recordAxonResponse(route: string, status: string, refusal: string | null): void {
    this.axonResponses.inc({ route, status });
    if (refusal) this.refusals.inc({ reason: refusal });
  }

  observe(event: CoreEvent): void {
    switch (event.type) {
      case 'proof':
        return this.observeProof(event.entry);
      case 'chain': {
        const labels = { endpoint: event.endpoint };
        this.chainUp.set(labels, event.state === 'connected' ? 1 : 0);
        if (event.latencyMs !== undefined) this.chainLatency.set(labels, event.latencyMs / 1000);
        if (event.block !== undefined) this.chainBlock.set(labels, event.block);
        return;
      }
      case 'weights':
        this.weightsSet.inc({ method: event.method, ok: String(event.ok) });
        if (event.ok) {
          this.weightsUids.set(event.uids.length);
          if (event.block !== undefined) this.weightsBlock.set(event.block);
        }
        return;
      case 'standing': {
        const s = event.standing;
        this.standing.set({ field: 'registered' }, s.registered ? 1 : 0);
        for (const field of ['uid', 'stake', 'incentive', 'emission', 'trust', 'rank'] as const) {
          const v = s[field];
          if (v !== undefined) this.standing.set({ field }, v);
        }
        return;
      }
      case 'status':
        for (const state of ['stopped', 'starting', 'running', 'stopping', 'error'])
          this.componentState.set({ component: event.component, state }, state === event.state ? 1 : 0);
        return;
      default:
        return;
    }
  }

  private observeProof(e: ProofLogEntry): void {
    const circuit = e.circuitName || e.circuitId.slice(0, 8);
    this.requests.inc({ role: e.role, route: e.route, status: e.status });
    this.proofSeconds.observe({ role: e.role, circuit, prover: e.prover ?? 'none' }, e.totalMs / 1000);
    for (const [stage, ms] of [
      ['witness', e.witnessMs],
      ['prove', e.proveMs],
      ['verify', e.verifyMs],
    ] as const) {
      if (ms !== undefined) this.stageSeconds.observe({ role: e.role, circuit, stage }, ms / 1000);
    }
    if (e.role === 'validator') this.verifications.inc({ circuit, outcome: e.status });
  }

  /** Prometheus text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The same figures as JSON, for the UI's charts. */
  async snapshot(): Promise<MetricSnapshot[]> {
    const all = await this.registry.getMetricsAsJSON();
    return all.map((m) => ({
      name: m.name,
      help: m.help,
      type: String(m.type),
      values: m.values.map((v) => ({
        labels: v.labels as Record<string, string | number>,
        value: v.value,
        ...('metricName' in v && typeof v.metricName === 'string' ? { metricName: v.metricName } : {}),
      })),
    }));
  }
}

/** Subscribe metrics to a CoreService's event stream; returns the unsubscribe function. */
export function attachMetrics(
  service: { onEvent(listener: (event: CoreEvent) => void): () => void },
  metrics: Sn2Metrics,
): () => void {
  return service.onEvent((event) => metrics.observe(event));
}
