import type { ApiPromise } from '@polkadot/api';
import { fetchMetagraph } from '../chain/metagraph.js';
import type { ProtocolEvidence } from './decide-protocol.js';

/** The chain's side of the protocol question: every neuron's axon and the subnet's weights version key. */
export async function readProtocolEvidence(api: ApiPromise, netuid: number): Promise<ProtocolEvidence> {
  const meta = await fetchMetagraph(api, netuid);
  return {
    neurons: meta.neurons.map((n) => ({ validatorPermit: n.validatorPermit, axon: n.axon })),
    weightsVersionKey: meta.hyperparams.weightsVersionKey,
  };
}
