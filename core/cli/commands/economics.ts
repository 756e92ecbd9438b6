import type { Command } from 'commander';
import { addNetworkFlags, networkFromFlags, walletFromFlags, type NetworkFlags } from '../network-flags.js';
import { cliOutput } from '../context.js';
import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { readHotkeyPub } from '../../bittensor/wallet/index.js';
import { subnetEconomics } from '../../economics/index.js';
import type { EconomicsReport, MyEconomics, Percentiles } from '../../contract/economics.js';

interface EconomicsOptions extends NetworkFlags {
  json?: boolean;
}

const n = (x: number, digits = 4): string => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
const tao = (x: number | null): string => (x === null ? 'no TAO price' : `${n(x)} TAO`);
const days = (d: number | null): string => (d === null ? 'never at today’s rates' : `${n(d, 1)} days`);
const row = (p: Percentiles | null, unit: string): string =>
  p ? `p25 ${n(p.p25)}  p50 ${n(p.p50)}  p75 ${n(p.p75)}  p90 ${n(p.p90)} ${unit}` : 'no miners';

/** The report as text, every figure with what it is based on (shared with `sn2 register`). */
export function economicsText(r: EconomicsReport, me: MyEconomics | null = null): string {
  const lines = [
    `Subnet ${r.netuid} at block ${r.block} (${n(r.blockSeconds, 1)} s blocks from ${r.blockSecondsBasis}, tempo ${r.tempo}, ${n(r.epochsPerDay, 1)} epochs/day)`,
    `Price: ${r.price.taoPerAlpha === null ? 'none' : `${n(r.price.taoPerAlpha, 6)} TAO per alpha`} (${r.price.basis})`,
    `Miners' emission: ${n(r.emission.minersAlphaPerDay)} alpha/day = ${tao(r.emission.minersTaoPerDay)}/day; ` +
      `owner cut ${n(r.emission.ownerCut * 100, 1)} %, miners get ${n(r.emission.minerShare * 100, 1)} % ` +
      `(${r.emission.basis}); paid to miners last epoch: ${n(r.emission.paidLastEpochAlphaPerDay)} alpha/day`,
    `Miners: ${r.miners.count} (${r.miners.earning} earning, ${r.miners.zero} at zero); per miner per day: ` +
      `${row(r.miners.perDayAlpha, 'alpha')}${r.miners.perDayTao ? ` = ${row(r.miners.perDayTao, 'TAO')}` : ''} (${r.miners.basis})`,
    `Registration: ${r.registration.allowed ? 'open' : 'CLOSED'}, burn ${n(r.registration.burnTao, 9)} TAO now. ${r.registration.burnMoves}`,
    `Immunity: ${r.registration.immunityBlocks} blocks ≈ ${n(r.registration.immunityHours, 1)} h. ${r.registration.replacementRule}` +
      (r.registration.replacementRuleIsAssumption
        ? ' (Assumption: subtensor get_neuron_to_prune; the spec says only "a prunable neuron".)'
        : ''),
    `Payback of the burn at p25/p50/p75/p90: ${days(r.payback.p25)} / ${days(r.payback.p50)} / ${days(r.payback.p75)} / ${days(r.payback.p90)}` +
      (r.payback.unknownReason ? ` (${r.payback.unknownReason})` : '') +
      ' — if you earned like a miner at that rank from day one.',
    `Warm-up: ${r.warmUp.basis}`,
    ...r.risks.map((risk) => `Risk: ${risk}`),
  ];
  if (me)
    lines.push(
      `You: uid ${me.uid}, ${n(me.emissionAlphaPerDay)} alpha/day = ${tao(me.emissionTaoPerDay)}/day` +
        `${me.rankAmongMiners === null ? '' : `, above ${n(me.rankAmongMiners * 100, 0)} % of miners`}; ` +
        `registered ${n(me.daysSinceRegistration, 1)} days ago; payback at this rate ${days(me.paybackDays)}; ` +
        `immunity left ${me.immunityBlocksLeft} blocks ≈ ${n(me.immunityHoursLeft, 1)} h`,
    );
  return lines.join('\n');
}

export function registerEconomics(program: Command): void {
  addNetworkFlags(
    program
      .command('economics')
      .description(
        'What mining a subnet pays now, from the chain: emission, distribution, burn, payback, risks',
      ),
  )
    .option('--json', 'machine-readable output')
    .action(async (o: EconomicsOptions) => {
      const out = cliOutput(Boolean(o.json));
      const { network, chainEndpoint, netuid } = networkFromFlags(o);
      const hotkey = await readHotkeyPub(walletFromFlags(o))
        .then((k) => k.address)
        .catch(() => undefined);
      const endpoint = resolveEndpoint(network, chainEndpoint);
      out.info(`reading ${endpoint} (netuid ${netuid})…`);
      const client = await ChainClient.connect(endpoint, { connectTimeoutMs: 15_000, healthIntervalMs: 0 });
      try {
        const { report, me } = await subnetEconomics(client.api, netuid, hotkey);
        out.result({ network, endpoint, report, me }, () => economicsText(report, me));
      } finally {
        await client.close();
      }
    });
}
