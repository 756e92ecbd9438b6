import type { ApiPromise } from '@polkadot/api';
import type { Sr25519Signer } from '../bittensor/signer.js';
import { submitWeights } from '../chain/actions/weights.js';
import { fetchMetagraph } from '../chain/metagraph.js';
import { chainSignerFromKey } from '../chain/signer.js';
import { PendingRevealStore } from '../chain/weights/pending-reveals.js';
import { revealPendingWeights } from '../chain/weights/reveal-pending.js';
import { WEIGHTS_VERSION } from '../sn2/constants.js';
import type { RevealReport, ValidatorChain } from './validator-ports.js';

/**
 * The validator's chain operations over core/chain (metagraph, owner hotkey, set_weights/commit and
 * the reveals). `pendingRevealsPath`: the file under the validator's data folder that keeps each
 * commit's reveal data until it is revealed, across restarts.
 */
export function validatorChain(
  api: ApiPromise,
  netuid: number,
  hotkey: Sr25519Signer,
  pendingRevealsPath: string,
): ValidatorChain {
  const signer = chainSignerFromKey(hotkey, api.registry);
  const reveals = new PendingRevealStore(pendingRevealsPath);
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
        reveals,
      });
      if (r.method === 'none') throw new Error(r.reason);
      return { block: r.block, method: r.method };
    },
    async revealPending() {
      const outcomes = await revealPendingWeights(api, signer, reveals);
      return outcomes.flatMap((o): RevealReport[] => {
        if (o.kind === 'waiting') return [];
        if (o.kind === 'revealed')
          return [{ ok: true, block: o.block, uids: o.uids, detail: `revealed ${o.hash}`, final: true }];
        return [
          {
            ok: false,
            uids: o.uids,
            detail: `commit ${o.hash} not revealed: ${o.reason}`,
            final: o.kind === 'dropped',
          },
        ];
      });
    },
  };
}
