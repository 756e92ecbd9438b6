/** A neuron as the miner needs it (blacklist, standing, registration). */
export interface MinerNeuron {
  uid: number;
  hotkey: string;
  stake: number;
  validatorPermit: boolean;
  incentive: number;
  emission: number;
  trust: number;
  rank: number;
  axon: { ip: string; port: number } | null;
}

export interface MinerMetagraph {
  block: number;
  neurons: MinerNeuron[];
}

/** The chain operations of the miner (implemented over core/chain). */
export interface MinerChain {
  readonly network: string;
  readonly netuid: number;
  metagraph(): Promise<MinerMetagraph>;
  /** serve_axon with SN2's arguments; only called when the on-chain address differs (§7.1). */
  serveAxon(ip: string, port: number): Promise<{ block?: number }>;
}
