import type { Standing } from '../contract/events.js';
import type { Metagraph } from './metagraph.js';

/** The node's position in the metagraph, with the reason each number is zero when it is. */
export function standingOf(network: string, metagraph: Metagraph, hotkey: string): Standing {
  const base = {
    network,
    netuid: metagraph.netuid,
    hotkey,
    block: metagraph.block,
    minersInSubnet: metagraph.neurons.length,
  };
  const neuron = metagraph.neurons.find((n) => n.hotkey === hotkey);
  if (!neuron) {
    return {
      ...base,
      registered: false,
      explanations: [
        `this hotkey is not registered on netuid ${metagraph.netuid}: register it (costs ${Number(metagraph.hyperparams.burnRao) / 1e9} TAO now)`,
      ],
    };
  }
  const explanations: string[] = [];
  if (!neuron.axon)
    explanations.push('no axon is announced on chain: start mining so validators can reach you');
  if (neuron.incentive === 0) {
    explanations.push(
      'incentive is 0: no validator has given this miner weight yet (new, not reachable, or failing proofs)',
    );
  }
  if (neuron.emission === 0)
    explanations.push('emission is 0: it follows incentive and dividends, paid every epoch');
  const ranked = [...metagraph.neurons].sort((a, b) => b.incentive - a.incentive);
  return {
    ...base,
    registered: true,
    uid: neuron.uid,
    stake: neuron.stake,
    incentive: neuron.incentive,
    emission: neuron.emission,
    trust: neuron.trust,
    rank: ranked.findIndex((n) => n.uid === neuron.uid) + 1,
    validatorPermit: neuron.validatorPermit,
    axon: neuron.axon ? `${neuron.axon.ip}:${neuron.axon.port}` : undefined,
    explanations,
  };
}
