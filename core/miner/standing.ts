import type { CircuitStats, Standing } from '../contract/events.js';
import type { MinerMetagraph } from './miner-ports.js';

/** The miner's on-chain standing, with the reason each number is zero when it is. */
export function minerStanding(
  hotkey: string,
  network: string,
  netuid: number,
  meta: MinerMetagraph | undefined,
  stats: CircuitStats[],
  /** The hotkey was registered earlier in this run (so a missing uid means deregistered). */
  wasRegistered = false,
): Standing {
  const me = meta?.neurons.find((n) => n.hotkey === hotkey);
  const explanations: string[] = [];
  if (!meta) explanations.push('no chain: running without a network (--no-chain)');
  else if (!me)
    explanations.push(
      wasRegistered
        ? `deregistered from netuid ${netuid}: another hotkey took this uid (lowest pruning score); register again to keep mining`
        : `not registered on netuid ${netuid}: validators will not query this hotkey`,
    );
  else {
    if (!me.axon) explanations.push('axon not served on chain yet: validators cannot reach this miner');
    const served = stats.reduce((n, s) => n + s.count, 0);
    const failed = stats.reduce((n, s) => n + Math.round(s.count * (1 - s.successRate)), 0);
    if (failed > 0)
      explanations.push(
        `${failed} of ${served} proofs failed: failing proofs score 0 and pull incentive down (see the proof log)`,
      );
    if (me.incentive === 0)
      explanations.push(
        served === 0
          ? 'incentive is 0: not queried by any validator yet'
          : 'incentive is 0: validators set weights at the end of an epoch; scores build up over several epochs',
      );
  }
  const byIncentive = meta ? [...meta.neurons].sort((a, b) => b.incentive - a.incentive) : [];
  return {
    network,
    netuid,
    hotkey,
    registered: Boolean(me),
    uid: me?.uid,
    stake: me?.stake,
    incentive: me?.incentive,
    emission: me?.emission,
    trust: me?.trust,
    rank: me ? byIncentive.findIndex((n) => n.hotkey === hotkey) + 1 : undefined,
    minersInSubnet: meta?.neurons.length,
    validatorPermit: me?.validatorPermit,
    axon: me?.axon ? `${me.axon.ip}:${me.axon.port}` : undefined,
    block: meta?.block,
    explanations,
  };
}
