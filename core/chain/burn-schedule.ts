import type { ApiPromise } from '@polkadot/api';
import { big, num } from './codec.js';

/**
 * How `Burn(netuid)` moves (subtensor.md §9), from the items the runtime has:
 * - 425 and later: every block it decays toward `MinBurn` (`BurnHalfLife` blocks) and is multiplied by
 *   `BurnIncreaseMult` after each registration;
 * - 293: every `AdjustmentInterval` blocks it is re-priced from the registrations of the interval against
 *   `TargetRegistrationsPerInterval` (more → up, fewer → down).
 * Both are clamped to [`MinBurn`, `MaxBurn`].
 */
export type BurnSchedule = { minBurnRao: bigint; maxBurnRao: bigint } & (
  | { kind: 'decay'; halfLifeBlocks: number; increaseMult: string }
  | {
      kind: 'interval';
      adjustmentInterval: number;
      targetRegistrationsPerInterval: number;
      registrationsThisInterval: number;
    }
);

/** A storage item that is per netuid on some runtimes and global on others. */
interface Entry {
  (...args: unknown[]): Promise<{ toString(): string }>;
  creator: { meta: { type: { isMap: boolean } } };
}
const perNetuid = (entry: Entry, netuid: number) => (entry.creator.meta.type.isMap ? entry(netuid) : entry());

export async function readBurnSchedule(
  api: ApiPromise,
  netuid: number,
  blockHash?: string,
): Promise<BurnSchedule> {
  const q = (blockHash ? await api.at(blockHash) : api).query.subtensorModule;
  const [min, max] = await Promise.all([q.minBurn(netuid), q.maxBurn(netuid)]);
  const bounds = { minBurnRao: big(min), maxBurnRao: big(max) };
  if (q.burnHalfLife && q.burnIncreaseMult) {
    const [halfLife, mult] = await Promise.all([
      perNetuid(q.burnHalfLife as unknown as Entry, netuid),
      perNetuid(q.burnIncreaseMult as unknown as Entry, netuid),
    ]);
    return {
      ...bounds,
      kind: 'decay',
      halfLifeBlocks: Number(halfLife.toString()),
      increaseMult: mult.toString(),
    };
  }
  const [interval, target, done] = await Promise.all([
    q.adjustmentInterval(netuid),
    q.targetRegistrationsPerInterval(netuid),
    q.registrationsThisInterval(netuid),
  ]);
  return {
    ...bounds,
    kind: 'interval',
    adjustmentInterval: num(interval),
    targetRegistrationsPerInterval: num(target),
    registrationsThisInterval: num(done),
  };
}
