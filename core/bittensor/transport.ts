/**
 * The seam between miner/validator logic and the wire protocol. Miner code serves routes through a
 * `TransportServer`, validator code calls peers through a `TransportClient`; both speak in synapse
 * definitions (the message schema). The v10 bittensor axon/dendrite is the first adapter; a v11
 * plain-HTTP or QUIC transport (sn2-protocol.md appendix) adds another pair of factories here and
 * leaves the miner and validator untouched.
 */
import type { Sr25519Signer } from './signer.js';
import {
  Axon,
  Dendrite,
  type AttachHooks,
  type AxonOptions,
  type AxonRequestEvent,
  type DendriteOptions,
  type SynapseDefinition,
  type SynapseOf,
} from './wire/index.js';

export type { AxonOptions as AxonServerOptions, DendriteOptions as DendriteClientOptions };

/** A peer as the metagraph lists it. */
export interface PeerAddress {
  ip: string;
  port: number;
  hotkey: string;
}

/** Per-route handlers; `forward` answers, the optional hooks gate and order requests. */
export type RouteHandlers<D extends SynapseDefinition> = AttachHooks<D>;

/** One served request, for logs and the proof log. */
export type ServedRequest = AxonRequestEvent;

export interface TransportServer {
  serve<D extends SynapseDefinition>(def: D, handlers: RouteHandlers<D>): void;
  start(): Promise<{ host: string; port: number }>;
  stop(): Promise<void>;
  /** Subscribe to every served request; returns the unsubscribe function. */
  onRequest(listener: (request: ServedRequest) => void): () => void;
  /**
   * Subscribe to failures of the server itself after `start` (e.g. the listening socket fails); they
   * never throw into the process. Returns the unsubscribe function.
   */
  onError(listener: (error: Error) => void): () => void;
}

export interface CallResult<D extends SynapseDefinition> {
  /** The peer answered with success. */
  ok: boolean;
  /** HTTP-style status (200, 401, 408 on our timeout, 503 unreachable, 422 bad reply …). */
  status: number;
  message: string | null;
  /** Our request merged with the peer's reply (the peer's fields when `ok`). */
  synapse: SynapseOf<D>;
  /** Seconds from sending to the parsed reply; null when no reply came. */
  processTimeS: number | null;
}

export interface TransportClient {
  readonly hotkey: string;
  call<D extends SynapseDefinition>(
    peer: PeerAddress,
    def: D,
    synapse: SynapseOf<D>,
    options?: { timeoutS?: number; signal?: AbortSignal },
  ): Promise<CallResult<D>>;
  close(): void;
}

/** v10: a bittensor axon signed with `hotkey`. */
export function axonServer(hotkey: Sr25519Signer, options: AxonOptions = {}): TransportServer {
  return axonTransport(new Axon(hotkey, options));
}

/** v10: an existing axon as a TransportServer. */
export function axonTransport(axon: Axon): TransportServer {
  return {
    serve: (def, handlers) => void axon.attach(def, handlers),
    start: () => axon.start(),
    stop: () => axon.stop(),
    onRequest(listener) {
      axon.on('request', listener);
      return () => void axon.off('request', listener);
    },
    onError(listener) {
      axon.on('error', listener);
      return () => void axon.off('error', listener);
    },
  };
}

/** v10: a bittensor dendrite signing with `hotkey`. */
export function dendriteClient(hotkey: Sr25519Signer, options: DendriteOptions = {}): TransportClient {
  const dendrite = new Dendrite(hotkey, options);
  return {
    hotkey: dendrite.hotkey,
    async call(peer, def, synapse, opts = {}) {
      const reply = await dendrite.call(peer, def, synapse, opts);
      const status = reply.dendrite.status_code ?? 0;
      return {
        ok: status === 200,
        status,
        message: reply.dendrite.status_message,
        synapse: reply,
        processTimeS: status === 200 || reply.axon.status_code !== null ? reply.dendrite.process_time : null,
      };
    },
    close: () => dendrite.close(),
  };
}
