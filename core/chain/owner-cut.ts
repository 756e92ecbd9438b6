import type { ApiPromise } from '@polkadot/api';
import { num } from './codec.js';

/** `SubnetOwnerCut` (global u16): the owner's share of each subnet's alpha emission, ÷ 65535 → [0, 1]. */
export async function readOwnerCut(api: ApiPromise, blockHash?: string): Promise<number> {
  const at = blockHash ? await api.at(blockHash) : api;
  return num(await at.query.subtensorModule.subnetOwnerCut()) / 65535;
}
