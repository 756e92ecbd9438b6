import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { addNetworkFlags, networkFromFlags, type NetworkFlags } from '../network-flags.js';
import { detectProtocol } from '../../service/node-runtime/detect-protocol.js';

/** `sn2 protocol`: which SN2 protocol a network speaks (spec sn2-2026.md §1), with the evidence. */
export function registerProtocol(program: Command): void {
  addNetworkFlags(
    program
      .command('protocol')
      .description(
        'Which SN2 protocol a network speaks (v10 or 2026), read from the chain, with the evidence',
      ),
  )
    .option('--json', 'machine-readable output')
    .action(async (o: NetworkFlags & { json?: boolean }) => {
      const out = cliOutput(Boolean(o.json));
      const { network, chainEndpoint, netuid } = networkFromFlags(o);
      out.info(`reading netuid ${netuid} on ${chainEndpoint ?? network}…`);
      const d = await detectProtocol({ network, chainEndpoint, netuid, choice: 'auto' });
      out.result(d, () =>
        [
          `${network} netuid ${netuid} speaks ${d.protocol} (${d.source === 'chain' ? 'from the chain' : 'no deciding evidence: the network’s default'})`,
          ...d.evidence.map((e) => `  · ${e}`),
        ].join('\n'),
      );
    });
}
