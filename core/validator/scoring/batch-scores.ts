import {
  POW_BATCH_SIZE,
  POW_SCALING,
  POW_WITNESS_MINER_UID_OFFSET,
  POW_WITNESS_SCORE_OFFSET,
} from '../../sn2/constants.js';
import { buildPowInput } from './pow-input.js';
import type { PowItem } from './pow-item.js';
import type { WitnessCalculator } from './witness.js';

export interface ScoreUpdate {
  uid: number;
  score: number;
}

/**
 * §9.4: score 256 queue items with the PoW-256 circuit's witness. Returns the writes in order; a later
 * write for the same uid overwrites an earlier one. A padding uid (−1 → p−1 in the field) is dropped by
 * the upper bound.
 */
export async function scorePowBatch(
  items: readonly PowItem[],
  scoreCount: number,
  witness: WitnessCalculator,
  freshness?: readonly number[],
): Promise<ScoreUpdate[]> {
  if (items.length !== POW_BATCH_SIZE)
    throw new Error(`a scoring batch has ${POW_BATCH_SIZE} items, got ${items.length}`);
  const w = await witness(buildPowInput(items, freshness));
  const updates: ScoreUpdate[] = [];
  for (let i = 0; i < POW_BATCH_SIZE; i++) {
    const uid = w[POW_WITNESS_MINER_UID_OFFSET + i];
    if (uid < 0n || uid >= BigInt(scoreCount)) continue;
    const raw = Math.fround(Number(w[POW_WITNESS_SCORE_OFFSET + i]));
    updates.push({ uid: Number(uid), score: Math.fround(raw / POW_SCALING) });
  }
  return updates;
}
