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
  /**
   * Reveal the recorded commit-reveal commits whose window is open (also those of a previous run);
   * report each one revealed or given up. Commits still waiting for their window are not reported.
   */
  revealPending(): Promise<RevealReport[]>;
}

/** One CR v2 commit dealt with: revealed at `block`, or not (with why; `final` when it never can be). */
export interface RevealReport {
  ok: boolean;
  block?: number;
  uids: number[];
  detail: string;
  final: boolean;
}
