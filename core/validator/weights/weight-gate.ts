import { WEIGHT_RATE_LIMIT, WEIGHT_UPDATE_BUFFER } from '../../sn2/constants.js';
import { epochPosition } from '../../sn2/epoch.js';

export interface WeightGate {
  ok: boolean;
  /** Why weights are not set now, for the event log. */
  reason?: string;
  blocksSinceLastUpdate: number;
  blocksUntilNextEpoch: number;
}

export interface WeightGateOptions {
  rateLimit?: number;
  buffer?: number;
  /** Epoch length minus one; 360 in upstream code (not read from chain). */
  tempo?: number;
}

/** §10.2: weights only in the last 16 blocks of the epoch and ≥ 100 blocks after the last update. */
export function weightGate(
  block: number,
  lastUpdate: number,
  netuid: number,
  options: WeightGateOptions = {},
): WeightGate {
  const rateLimit = options.rateLimit ?? WEIGHT_RATE_LIMIT;
  const buffer = options.buffer ?? WEIGHT_UPDATE_BUFFER;
  const blocksSinceLastUpdate = block - lastUpdate;
  const { blocksUntilNextEpoch } = epochPosition(block, netuid, options.tempo);
  const base = { blocksSinceLastUpdate, blocksUntilNextEpoch };
  if (blocksSinceLastUpdate < rateLimit)
    return {
      ok: false,
      reason: `rate limit: ${blocksSinceLastUpdate} of ${rateLimit} blocks since the last update`,
      ...base,
    };
  if (blocksUntilNextEpoch > buffer)
    return {
      ok: false,
      reason: `waiting for the epoch end: ${blocksUntilNextEpoch} blocks left (set at ≤ ${buffer})`,
      ...base,
    };
  return { ok: true, ...base };
}
