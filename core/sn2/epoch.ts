import { EPOCH_TEMPO } from './constants.js';

export interface EpochPosition {
  epoch: number;
  blocksUntilNextEpoch: number;
  epochStartBlock: number;
}

/** Upstream `neurons/utils/epoch.py` with the tempo fixed in code (§10.1); not read from chain. */
export function epochPosition(block: number, netuid: number, tempo = EPOCH_TEMPO): EpochPosition {
  const adj = block + netuid + 1;
  const period = tempo + 1;
  const into = adj % period;
  return {
    epoch: Math.floor(adj / period),
    blocksUntilNextEpoch: tempo - into,
    epochStartBlock: block - into,
  };
}
