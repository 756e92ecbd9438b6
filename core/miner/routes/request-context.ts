import type { ProofLogEntry } from '../../contract/events.js';

/** Who sent a request and when it must be answered (from the axon after blacklist + verify). */
export interface CallerContext {
  hotkey: string;
  uid?: number;
  stake: number;
  /** performance.now() when the request arrived. */
  receivedAt: number;
  /** Seconds the validator waits (the synapse `timeout`). */
  timeoutSeconds: number;
}

/** A proof-log entry under construction; routes fill it, the miner emits it. */
export type MinerLogDraft = Omit<ProofLogEntry, 'id' | 'at' | 'role' | 'totalMs'>;
