import type { ApiPromise } from '@polkadot/api';
import { num } from './codec.js';

/** `BlockAtRegistration(netuid, uid)`: the block a uid's current hotkey registered at. */
export async function readBlockAtRegistration(api: ApiPromise, netuid: number, uid: number): Promise<number> {
  return num(await api.query.subtensorModule.blockAtRegistration(netuid, uid));
}
