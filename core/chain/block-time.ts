import type { ApiPromise } from '@polkadot/api';
import { num } from './codec.js';

/** Bittensor's target block time, used when the runtime does not say (`AuraApi` absent). */
export const TARGET_BLOCK_SECONDS = 12;

/** Seconds per block from `AuraApi.slot_duration` (one block per slot), or the 12 s target. */
export async function readBlockSeconds(
  api: ApiPromise,
): Promise<{ seconds: number; basis: 'AuraApi.slot_duration' | 'bittensor target (12 s)' }> {
  const aura = api.call.auraApi;
  if (!aura?.slotDuration) return { seconds: TARGET_BLOCK_SECONDS, basis: 'bittensor target (12 s)' };
  const ms = num(await aura.slotDuration());
  return ms > 0
    ? { seconds: ms / 1000, basis: 'AuraApi.slot_duration' }
    : { seconds: TARGET_BLOCK_SECONDS, basis: 'bittensor target (12 s)' };
}
