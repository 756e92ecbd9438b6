import type { SynapseDefinition, SynapseOf } from '../bittensor/wire/index.js';

/** A neuron as the validator needs it. */
export interface ValidatorNeuron {
  uid: number;
  hotkey: string;
  stake: number;
  validatorPermit: boolean;
  lastUpdate: number;
  axon: { ip: string; port: number } | null;
}

export interface ValidatorMetagraph {
  block: number;
  neurons: ValidatorNeuron[];
  /** Subnet owner hotkey (`SubnetOwnerHotkey`), if any. */
  ownerHotkey?: string;
}

/** The chain operations of the validator (implemented over core/chain). */
export interface ValidatorChain {
  metagraph(): Promise<ValidatorMetagraph>;
  /** Normalises and submits (set_weights, or commit/reveal when the subnet uses it). */
  setWeights(
    uids: number[],
    weights: number[],
  ): Promise<{ block: number; method: 'set_weights' | 'commit' | 'reveal' }>;
}

export interface AxonTarget {
  ip: string;
  port: number;
  hotkey: string;
}

export interface CallResult<S> {
  synapse: S | undefined;
  statusCode: number;
  statusMessage: string;
  /** Seconds, as the SDK's `dendrite.process_time`; undefined on transport errors and timeouts. */
  processTime: number | undefined;
}

/** The dendrite as the validator uses it (implemented over core/bittensor/wire's dendrite). */
export interface ValidatorDendrite {
  call<D extends SynapseDefinition>(
    target: AxonTarget,
    def: D,
    synapse: SynapseOf<D>,
    timeoutSeconds: number,
  ): Promise<CallResult<SynapseOf<D>>>;
}
