import type { ServedRequest } from '../../contract/served-request.js';
import type { SynapseDefinition, SynapseOf } from './synapse.js';
import type { RateLimit } from '../../util/rate-limiter.js';

export interface ForwardContext {
  /** Aborted when the request's `timeout` has passed or the axon stops. */
  signal: AbortSignal;
  /** The TCP peer. */
  peerIp: string;
  /** The dendrite hotkey, verified by the signature (unless a custom verifier was attached). */
  hotkey: string;
}

export interface AttachHooks<D extends SynapseDefinition> {
  /** The subnet handler: receives the body-built synapse and returns the reply synapse. */
  forward(synapse: SynapseOf<D>, ctx: ForwardContext): SynapseOf<D> | Promise<SynapseOf<D>>;
  /** Python `blacklist_fn`: `[true, reason]` rejects with 403. Runs before the signature check. */
  blacklist?(synapse: SynapseOf<D>): readonly [boolean, string] | Promise<readonly [boolean, string]>;
  /** Python `priority_fn`: higher is served first when forwards queue up (usually the caller's stake). */
  priority?(synapse: SynapseOf<D>): number | Promise<number>;
  /** Replaces the default nonce + signature check; throw to reject with 401. */
  verify?(synapse: SynapseOf<D>): void | Promise<void>;
}

export interface AxonOptions {
  /** Port to listen on (0 = any free port). Default 8091. */
  port?: number;
  /** Address to bind. Default `0.0.0.0`. */
  host?: string;
  /** Wall clock in ns since the epoch (tests pin it). Default `Date.now()`-based. */
  clockNs?: () => bigint;
  /** `version_as_int` announced in `bt_header_axon_version`. Default 9009000. */
  version?: number;
  /** Worker threads for sr25519 verification; 0 verifies on the main thread. Default: min(4, cores), 0 on one core. */
  verifyThreads?: number;
  /** Largest accepted request body; larger ones get 413 before being read. Default 8 MiB. */
  maxBodyBytes?: number;
  /** Largest request header block (Node `maxHeaderSize`); beyond it 431. Default 16 KiB. */
  maxHeaderBytes?: number;
  /** Slow clients: time to send the headers, and the whole request. Defaults 10 s / 30 s. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Forwards running at once, and requests allowed to wait for one (beyond: 503). Defaults 8 / 256. */
  concurrency?: number;
  maxQueue?: number;
  /** Upper bound applied to the `timeout` header (nonce window, queue wait, forward deadline). Default 300 s. */
  maxTimeoutS?: number;
  /** Token buckets; `null` disables. Defaults: 50/s burst 100 per IP, 20/s burst 40 per hotkey. */
  perIpLimit?: RateLimit | null;
  perHotkeyLimit?: RateLimit | null;
  /** Reject unsigned requests (Python accepts them, quirk Q1). Default true. */
  requireSignature?: boolean;
}

/** One line of the axon's request log (what the core logger and proof log consume). */
export type AxonRequestEvent = ServedRequest;
