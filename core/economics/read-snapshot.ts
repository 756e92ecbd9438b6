import type { ApiPromise } from '@polkadot/api';
import { fetchMetagraph } from '../chain/metagraph.js';
import { readDynamicInfo } from '../chain/dynamic-info.js';
import { readOwnerCut } from '../chain/owner-cut.js';
import { readBurnSchedule } from '../chain/burn-schedule.js';
import { readBlockSeconds } from '../chain/block-time.js';
import { ChainError } from '../chain/errors.js';
import type { EconomicsSnapshot } from './snapshot.js';

/** Every chain value the economics use, at the best block (a subnet that does not exist: one-line ChainError). */
export async function readEconomicsSnapshot(api: ApiPromise, netuid: number): Promise<EconomicsSnapshot> {
  const meta = await fetchMetagraph(api, netuid);
  const at = meta.blockHash;
  const [dynamic, ownerCut, burnSchedule, blockTime] = await Promise.all([
    readDynamicInfo(api, netuid, at),
    readOwnerCut(api, at),
    readBurnSchedule(api, netuid, at),
    readBlockSeconds(api),
  ]);
  if (!dynamic) throw new ChainError(`subnet ${netuid} has no dynamic info (get_dynamic_info returned none)`);
  const h = meta.hyperparams;
  return {
    netuid,
    block: meta.block,
    blockSeconds: blockTime.seconds,
    blockSecondsBasis: blockTime.basis,
    tempo: h.tempo,
    alphaInRao: dynamic.alphaInRao,
    taoInRao: dynamic.taoInRao,
    alphaOutEmissionRao: dynamic.alphaOutEmissionRao,
    ownerCut,
    burnRao: h.burnRao,
    burnSchedule,
    registrationAllowed: h.registrationAllowed,
    subnetworkN: h.subnetworkN,
    maxAllowedUids: h.maxAllowedUids,
    immunityPeriod: h.immunityPeriod,
    neurons: meta.neurons.map((n) => ({
      uid: n.uid,
      hotkey: n.hotkey,
      emissionAlphaPerEpoch: n.emission,
      incentive: n.incentive,
      validatorPermit: n.validatorPermit,
    })),
  };
}
