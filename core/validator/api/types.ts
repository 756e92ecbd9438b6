/**
 * The seams between the external API and the validator. The validator implements `ExternalRequestSink`
 * (its real-world request queue), `PermitSource` (its cached metagraph) and `CircuitCatalog` (its loaded
 * circuits); the API server only depends on these three interfaces.
 */

/** Upstream `CircuitType`: which synapse serves the circuit. */
export type ExternalRequestKind = 'proof_of_weights' | 'proof_of_computation';

/** One external request, as it joins the validator's real-world request queue (FIFO, before benchmarks). */
export interface ExternalProofRequest {
  kind: ExternalRequestKind;
  circuitId: string;
  /** The caller's circuit input, as plain JSON (numbers as JS numbers). */
  inputs: Record<string, unknown>;
  /** SHA-256 hex of Python `str(inputs)` minus `validator_uid`, `nonce`, `uid_responsible_for_proof` (spec §11). */
  hash: string;
  /** Caller hotkey (ss58), for logs and the proof log. */
  origin: string;
  /** Aborted when the wait limit (circuit timeout + 10 s) passes or the caller disconnects. */
  signal: AbortSignal;
}

/** What a served request resolves with: the miner's proof and public signals, already verified by the validator. */
export interface ExternalProofResult {
  proof: unknown;
  publicSignals: unknown;
}

export interface ExternalRequestSink {
  /** Queue the request; resolve when a miner's proof has been verified, reject on failure or abort. */
  submit(request: ExternalProofRequest): Promise<ExternalProofResult>;
}

/** Hotkeys (ss58) that hold a validator permit on a netuid; the API caches the answer (12 h by default). */
export interface PermitSource {
  validatorPermits(netuid: number): Promise<readonly string[]>;
}

/** One entry of `GET /circuits` (spec §11), in upstream key order. */
export interface ExternalCircuitInfo {
  id: string;
  name: string;
  description: string;
  author: string;
  version: string;
  type: ExternalRequestKind;
  proof_system: string;
  /** ⚠ upstream metadata may store it as a string ("2"), which never matches a numeric netuid. */
  netuid: number | string | null;
  testnet_netuids: number[] | null;
  weights_version: number | null;
  /** JSON Schema of the circuit's input model. */
  input_schema: Record<string, unknown>;
  /** Per-request timeout in seconds (metadata `timeout`, default 60). Not part of the upstream listing. */
  timeout_s?: number;
}

export interface CircuitCatalog {
  list(): Promise<readonly ExternalCircuitInfo[]>;
  /**
   * Throw (with a message naming the bad fields) when `inputs` do not fit the circuit's input model, so the
   * caller gets JSON-RPC invalid-params at once instead of a failure after queueing. Optional.
   */
  checkInput?(circuitId: string, inputs: Record<string, unknown>): void;
}
