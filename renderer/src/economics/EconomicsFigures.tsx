import type { EconomicsReport } from '../../../core/contract/index.js';
import { formatTao } from '../format.js';
import { PERCENTILES, alpha, daysText, hoursText, taoApprox } from './format-economics.js';

const sentence = (text: string): string => `${text[0].toUpperCase()}${text.slice(1)}.`;

/** One figure and, under it, what it is based on. */
function Figure({
  label,
  value,
  basis,
  testId,
}: {
  label: string;
  value: string;
  basis: string;
  testId: string;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span data-testid={testId}>{value}</span>
        <span className="basis muted small">{basis}</span>
      </dd>
    </div>
  );
}

/** The subnet's figures from `economics.report`, each with its basis (shared by the card and the Mining page). */
export function EconomicsFigures({ report: r }: { report: EconomicsReport }) {
  const perMiner = r.miners.perDayAlpha;
  return (
    <dl className="details economics-figures">
      <Figure
        label="Miners earn"
        testId="econ-miners-per-day"
        value={`${alpha(r.emission.minersAlphaPerDay)} per day in total (${taoApprox(r.emission.minersTaoPerDay)})`}
        basis={`${(r.emission.minerShare * 100).toFixed(1)} % of the subnet's emission after the owner's ${(r.emission.ownerCut * 100).toFixed(1)} % cut: ${r.emission.basis}. Paid to miners in the last epoch: ${alpha(r.emission.paidLastEpochAlphaPerDay)} per day.`}
      />
      <Figure
        label="Price"
        testId="econ-price"
        value={r.price.taoPerAlpha === null ? 'none' : `τ ${r.price.taoPerAlpha.toPrecision(6)} per α`}
        basis={r.price.basis}
      />
      <Figure
        label="Per miner"
        testId="econ-distribution"
        value={
          perMiner
            ? PERCENTILES.map((p) => `${p} ${alpha(perMiner[p])}`).join(' · ') + ' per day'
            : 'no miners registered'
        }
        basis={`${r.miners.count} miners, ${r.miners.earning} earning, ${r.miners.zero} at zero; ${r.miners.basis}.`}
      />
      <Figure
        label="Burn"
        testId="econ-burn"
        value={`${formatTao(r.registration.burnTao)} now (${formatTao(r.registration.minBurnTao)} – ${formatTao(r.registration.maxBurnTao)})`}
        basis={`Burn(${r.netuid}) at block ${r.block}. ${r.registration.burnMoves}`}
      />
      <Figure
        label="Payback"
        testId="econ-payback"
        value={PERCENTILES.map((p) => `${p} ${daysText(r.payback[p])}`).join(' · ')}
        basis={`The burn ÷ what a miner at that rank earns per day at the pool price, as if you earned like them from day one.${r.payback.unknownReason ? ` ${sentence(r.payback.unknownReason)}` : ''}`}
      />
      <Figure
        label="Immunity"
        testId="econ-immunity"
        value={`${r.registration.immunityBlocks} blocks ≈ ${hoursText(r.registration.immunityHours)}`}
        basis={`ImmunityPeriod(${r.netuid}) × ${r.blockSeconds} s per block (${r.blockSecondsBasis}). ${r.registration.replacementRule}${r.registration.replacementRuleIsAssumption ? ' (Assumption: subtensor’s get_neuron_to_prune; the spec says only “a prunable neuron”.)' : ''}`}
      />
    </dl>
  );
}
