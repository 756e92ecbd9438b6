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
