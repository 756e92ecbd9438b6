import type { ApiPromise } from '@polkadot/api';
import type { EconomicsReport, MyEconomics } from '../contract/economics.js';
import { readBlockAtRegistration } from '../chain/block-at-registration.js';
import { readEconomicsSnapshot } from './read-snapshot.js';
import { economicsReport } from './report.js';
import { myPosition } from './my-position.js';

/** Reads the chain once and computes the report, plus `hotkey`'s own figures when it is registered. */
export async function subnetEconomics(
  api: ApiPromise,
  netuid: number,
  hotkey?: string,
): Promise<{ report: EconomicsReport; me: MyEconomics | null }> {
  const snapshot = await readEconomicsSnapshot(api, netuid);
  const report = economicsReport(snapshot);
  const mine = hotkey ? snapshot.neurons.find((n) => n.hotkey === hotkey) : undefined;
  if (!mine || !hotkey) return { report, me: null };
  const registeredAt = await readBlockAtRegistration(api, netuid, mine.uid);
  return { report, me: myPosition(snapshot, report, hotkey, registeredAt) };
}
