import type { QueuedExternalRequest } from '../external-queue.js';

export type RequestKind = 'benchmark' | 'rwr' | 'batched-pow';

/** One request the validator sends to one miner (§8.4). */
export interface ValidatorRequest {
  uid: number;
  circuitId: string;
  circuitName: string;
  proofSystem: string;
  /** Which synapse carries it (§8.4 table). */
  synapse: 'QueryZkProof' | 'ProofOfWeightsSynapse';
  /** `metadata.netuid` coerced to int, for ProofOfWeightsSynapse.subnet_uid. */
  subnetUid: number;
  kind: RequestKind;
  /** The processed input: what goes on the wire and what verification pins (§5.1). */
  input: Record<string, unknown>;
  inputHash: string;
  timeoutSeconds: number;
  /** The external waiter of an RWR. */
  external?: QueuedExternalRequest;
}
