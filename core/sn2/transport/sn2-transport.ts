/**
 * The seam between SN2's miner/validator logic and a wire protocol. Both sides speak in SN2's own
 * messages (plain JavaScript values, §3 of sn2-protocol.md); an adapter maps them to a protocol's wire
 * format. The v10 bittensor axon/dendrite (`v10-server.ts`, `v10-client.ts`) is the adapter used today;
 * another protocol adds its own pair of factories and leaves `core/miner` and `core/validator` untouched.
 */

import type { ServedRequest } from '../../contract/served-request.js';

export type { ServedRequest };

/** A peer as the metagraph lists it. */
export interface PeerAddress {
  ip: string;
  port: number;
  hotkey: string;
}

/** §3.2 `QueryZkProof`: the validator's `query_input` (`{public_inputs, model_id}`), or null when absent. */
export interface ZkProofQuery {
  queryInput: Record<string, unknown> | null;
}
/** §3.2: `query_output`, the proof as double-encoded JSON text on success, a failure string otherwise. */
export interface ZkProofAnswer {
  queryOutput: string | null;
}

/** §3.3 `ProofOfWeightsSynapse`. */
export interface PowQuery {
  subnetUid: number;
  /** `verification_key_hash`: the circuit id. */
  circuitId: string;
  proofSystem: string;
  inputs: Record<string, unknown>;
}
/** §3.3: proof and public signals single-encoded; the query's (empty) values when no proof was made. */
export interface PowAnswer {
  inputs: Record<string, unknown>;
  proof: string;
  publicSignals: string;
}

/** §3.4: `{circuit_id: compute_units}`; null when the miner sent none. */
export type CapacitiesAnswer = Record<string, number> | null;

/** §3.5 competition exchange (no competition since 2025-06-07): only the answer's `error` is used. */
export interface CompetitionAnswer {
  error: string | null;
}

/** Who sent a request (after the protocol's authentication) and how long they wait for the answer. */
export interface Caller {
  hotkey: string;
  /** Seconds the validator waits (the request's timeout), null when it gave none. */
  timeoutSeconds: number | null;
}

/** What a miner serves: admission hooks (run before the protocol verifies the sender) and one handler per message. */
export interface Sn2Handlers {
  /** A reason to refuse the claimed hotkey (not yet verified), or null to admit it. */
  blacklist(claimedHotkey: string | null): string | null;
  /** Higher is served first when requests queue up (the caller's stake). */
  priority(claimedHotkey: string | null): number;
  queryZkProof(query: ZkProofQuery, caller: Caller): Promise<ZkProofAnswer>;
  proofOfWeights(query: PowQuery, caller: Caller): Promise<PowAnswer>;
  capacities(): Promise<CapacitiesAnswer>;
  competition(): CompetitionAnswer;
}

export interface Sn2Server {
  serve(handlers: Sn2Handlers): void;
  start(): Promise<{ host: string; port: number }>;
  stop(): Promise<void>;
  /** Subscribe to every served request; returns the unsubscribe function. */
  onRequest(listener: (request: ServedRequest) => void): () => void;
  /** Failures of the server itself after `start` (they never throw into the process); returns the unsubscribe function. */
  onError(listener: (error: Error) => void): () => void;
}

/** A call's outcome: the peer's answer on success, the status and message either way. */
export interface Sn2Reply<A> {
  ok: boolean;
  /** HTTP-style status (200, 401, 408 on our timeout, 503 unreachable, 422 bad reply …). */
  status: number;
  message: string | null;
  /** The peer's answer when `ok`, else null. */
  answer: A | null;
  /** Seconds from sending to the parsed reply; null when no reply came. */
  processTimeS: number | null;
}

export interface CallOptions {
  timeoutS?: number;
  signal?: AbortSignal;
}

export interface Sn2Client {
  readonly hotkey: string;
  queryZkProof(
    peer: PeerAddress,
    query: ZkProofQuery,
    options?: CallOptions,
  ): Promise<Sn2Reply<ZkProofAnswer>>;
  proofOfWeights(peer: PeerAddress, query: PowQuery, options?: CallOptions): Promise<Sn2Reply<PowAnswer>>;
  capacities(peer: PeerAddress, options?: CallOptions): Promise<Sn2Reply<CapacitiesAnswer>>;
  competition(peer: PeerAddress, options?: CallOptions): Promise<Sn2Reply<CompetitionAnswer>>;
  close(): void;
}
