import type { ApiPromise } from '@polkadot/api';
import { fetchMetagraph } from '../../chain/metagraph.js';
import type { PermitSource } from './types.js';

/** Validator permits read from the chain's metagraph of any netuid (the caller's x-netuid may be another subnet). */
export const chainPermitSource = (api: ApiPromise): PermitSource => ({
  async validatorPermits(netuid) {
    const mg = await fetchMetagraph(api, netuid);
    return mg.neurons.filter((n) => n.validatorPermit).map((n) => n.hotkey);
  },
});
