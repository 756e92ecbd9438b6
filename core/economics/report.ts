import type { EconomicsReport } from '../contract/economics.js';
import type { EconomicsSnapshot } from './snapshot.js';
import {
  MINER_SHARE_AFTER_OWNER_CUT,
  epochsPerDay,
  minersAlphaPerDay,
  poolPrice,
  toTao,
} from './emission.js';
import { minerDistribution, minersOf, scalePercentiles } from './distribution.js';
import {
  REPLACEMENT_RULE_IS_ASSUMPTION,
  burnMoves,
  immunityHours,
  replacementRule,
} from './registration-terms.js';
import { paybackAtPercentiles } from './payback.js';
import { warmUp } from './warm-up.js';

const fmtHours = (h: number): string => (h >= 48 ? `${(h / 24).toFixed(1)} days` : `${h.toFixed(1)} h`);

/** Everything "Should I mine here?" shows, from one snapshot of the chain. Pure. */
export function economicsReport(s: EconomicsSnapshot): EconomicsReport {
  const perDayEpochs = epochsPerDay(s.blockSeconds, s.tempo);
  const price = poolPrice(s.taoInRao, s.alphaInRao);
  const minersPerDay = minersAlphaPerDay(s.alphaOutEmissionRao, s.ownerCut, s.blockSeconds);
  const dist = minerDistribution(s.neurons, perDayEpochs);
  const paidLastEpoch = minersOf(s.neurons).reduce((sum, n) => sum + n.emissionAlphaPerEpoch, 0);
  const burnTao = Number(s.burnRao) / 1e9;
  const immunityH = immunityHours(s.immunityPeriod, s.blockSeconds);
  const warm = warmUp(s.immunityPeriod, s.blockSeconds);
  const payback = paybackAtPercentiles(burnTao, dist.perDay, price);

  return {
    netuid: s.netuid,
    block: s.block,
    blockSeconds: s.blockSeconds,
    blockSecondsBasis: s.blockSecondsBasis,
    tempo: s.tempo,
    epochsPerDay: perDayEpochs,
    price: {
      taoPerAlpha: price,
      basis:
        price === null
          ? `no price: the pool holds ${s.taoInRao} rao TAO and ${s.alphaInRao} rao alpha (DynamicInfo tao_in, alpha_in)`
          : 'pool price tao_in ÷ alpha_in (SubnetInfoRuntimeApi.get_dynamic_info), as the SDK computes it',
    },
    emission: {
      subnetAlphaPerBlock: Number(s.alphaOutEmissionRao) / 1e9,
      ownerCut: s.ownerCut,
      minerShare: (1 - s.ownerCut) * MINER_SHARE_AFTER_OWNER_CUT,
      minersAlphaPerDay: minersPerDay,
      minersTaoPerDay: toTao(minersPerDay, price),
      paidLastEpochAlphaPerDay: paidLastEpoch * perDayEpochs,
      basis:
        'alpha_out_emission per block (get_dynamic_info) × blocks per day × (1 − SubnetOwnerCut) × ½ ' +
        '(the miners’ half of subtensor’s epoch split); "paid last epoch" sums the metagraph emission of ' +
        'the miners (uids without a validator permit or with incentive)',
    },
    miners: {
      count: dist.count,
      earning: dist.earning,
      zero: dist.zero,
      perDayAlpha: dist.perDay,
      perDayTao: dist.perDay && price !== null ? scalePercentiles(dist.perDay, price) : null,
      basis: `each miner's emission in the last epoch (get_neurons_lite) × ${perDayEpochs.toFixed(1)} epochs per day`,
    },
    registration: {
      allowed: s.registrationAllowed,
      burnRao: s.burnRao.toString(),
      burnTao,
      minBurnTao: Number(s.burnSchedule.minBurnRao) / 1e9,
      maxBurnTao: Number(s.burnSchedule.maxBurnRao) / 1e9,
      burnMoves: burnMoves(s.burnSchedule, s.blockSeconds),
      slotsUsed: s.subnetworkN,
      slotsMax: s.maxAllowedUids,
      immunityBlocks: s.immunityPeriod,
      immunityHours: immunityH,
      replacementRule: replacementRule(
        s.subnetworkN,
        s.maxAllowedUids,
        `${s.immunityPeriod} blocks ≈ ${fmtHours(immunityH)}`,
      ),
      replacementRuleIsAssumption: REPLACEMENT_RULE_IS_ASSUMPTION,
    },
    payback,
    warmUp: warm,
    risks: risks(s, dist, price, immunityH, warm.immunityCoversWindow, warm.windowHours),
  };
}

function risks(
  s: EconomicsSnapshot,
  dist: ReturnType<typeof minerDistribution>,
  price: number | null,
  immunityH: number,
  immunityCoversWindow: boolean,
  windowHours: number,
): string[] {
  const out: string[] = [];
  if (!s.registrationAllowed)
    out.push(`Registration is closed on subnet ${s.netuid} (NetworkRegistrationAllowed is false).`);
  out.push(
    dist.count === 0
      ? 'No miner is registered yet: there is nothing to compare your earnings with.'
      : `A new miner starts at zero: ${dist.zero} of ${dist.count} miners earn nothing now.`,
  );
  if (!immunityCoversWindow && s.subnetworkN >= s.maxAllowedUids)
    out.push(
      `Immunity (${fmtHours(immunityH)}) ends before one full scoring window (${fmtHours(windowHours)}): on a full subnet you can be replaced before you have earned anything.`,
    );
  if (price === null) out.push('The subnet pool has no liquidity: alpha earned cannot be valued in TAO.');
  out.push('The burn is not refunded, and TAO figures move with the pool price.');
  out.push(
    'Validators reach only miners with a public IPv4 address and a forwarded port: check reachability before paying.',
  );
  return out;
}
