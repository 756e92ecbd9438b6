import type { ApiPromise } from '@polkadot/api';
import type { Sr25519Signer } from '../bittensor/signer.js';
import { submitWeights } from '../chain/actions/weights.js';
import { fetchMetagraph } from '../chain/metagraph.js';
import { chainSignerFromKey } from '../chain/signer.js';
import { WEIGHTS_VERSION } from '../sn2/constants.js';
import type { ValidatorChain } from './validator-ports.js';

/** The validator's chain operations over core/chain (metagraph, owner hotkey, set_weights/commit). */
export function validatorChain(api: ApiPromise, netuid: number, hotkey: Sr25519Signer): ValidatorChain {
  const signer = chainSignerFromKey(hotkey, api.registry);
  return {
    async metagraph() {
      const m = await fetchMetagraph(api, netuid);
      const ownerQuery = api.query.subtensorModule.subnetOwnerHotkey;
      const ownerHotkey = ownerQuery ? (await ownerQuery(netuid)).toString() : undefined;
      return {
        block: m.block,
        ownerHotkey,
        neurons: m.neurons.map((n) => ({
          uid: n.uid,
          hotkey: n.hotkey,
          stake: n.stake,
          validatorPermit: n.validatorPermit,
          lastUpdate: n.lastUpdate,
          axon: n.axon ? { ip: n.axon.ip, port: n.axon.port } : null,
        })),
      };
    },
    async setWeights(uids, weights) {
      const r = await submitWeights(api, {
        netuid,
        hotkey: signer,
        uids,
        weights,
        versionKey: BigInt(WEIGHTS_VERSION),
      });
      if (r.method === 'none') throw new Error(r.reason);
      return { block: r.block, method: r.method };
    },
  };
}
