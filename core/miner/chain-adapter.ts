import type { ApiPromise } from '@polkadot/api';
import type { Sr25519Signer } from '../bittensor/signer.js';
import { serveAxon } from '../chain/actions/serve-axon.js';
import { fetchMetagraph } from '../chain/metagraph.js';
import { chainSignerFromKey } from '../chain/signer.js';
import type { MinerChain } from './miner-ports.js';

/** The miner's chain operations over core/chain. */
export function minerChain(
  api: ApiPromise,
  network: string,
  netuid: number,
  hotkey: Sr25519Signer,
): MinerChain {
  const signer = chainSignerFromKey(hotkey, api.registry);
  return {
    network,
    netuid,
    async metagraph() {
      const m = await fetchMetagraph(api, netuid);
      return {
        block: m.block,
        neurons: m.neurons.map((n) => ({
          uid: n.uid,
          hotkey: n.hotkey,
          stake: n.stake,
          validatorPermit: n.validatorPermit,
          incentive: n.incentive,
          emission: n.emission,
          trust: n.trust,
          rank: n.rank,
          axon: n.axon ? { ip: n.axon.ip, port: n.axon.port } : null,
        })),
      };
    },
    async serveAxon(ip, port) {
      const r = await serveAxon(api, { netuid, hotkey: signer, ip, port });
      return { block: r.block };
    },
  };
}
