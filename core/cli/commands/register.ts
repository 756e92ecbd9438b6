import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { addNetworkFlags, networkFromFlags, walletFromFlags, type NetworkFlags } from '../network-flags.js';
import { cliOutput, type CliOutput } from '../context.js';
import { obtainPassword } from '../password-input.js';
import { economicsText } from './economics.js';
import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { burnedRegister, quoteBurnedRegister } from '../../chain/actions/registration.js';
import { chainSignerFromKey } from '../../chain/signer.js';
import { raoToTao, taoToRao } from '../../chain/units.js';
import { readColdkeyPub, readHotkeyPub, unlockColdkey } from '../../bittensor/wallet/index.js';
import { subnetEconomics } from '../../economics/index.js';
import { protocolSupportLine, type ProtocolGuard } from '../../economics/protocol-guard.js';
import { UserError } from '../../util/errors.js';

interface RegisterOptions extends NetworkFlags {
  passwordEnv?: string;
  maxBurn?: string;
  yes?: boolean;
  registerAnyway?: boolean;
  json?: boolean;
}

/** What `sn2 register` is built with: the protocol guard (`core/cli/protocol-guard.ts` in the real CLI). */
export interface RegisterDeps {
  protocolGuard?: ProtocolGuard;
}

/**
 * `sn2 register`: the figures and risks first, then the burn, the price cap and a typed confirmation
 * (the netuid) unless --yes; `burned_register` through the same code as the app (chain/actions).
 */
export function registerRegister(program: Command, deps: RegisterDeps = {}): void {
  addNetworkFlags(
    program
      .command('register')
      .description('Register the hotkey on a subnet by burning TAO, after showing what mining there pays'),
  )
    .option(
      '--password-env <VAR>',
      'read the coldkey password from this environment variable instead of prompting',
    )
    .option(
      '--max-burn <TAO>',
      'refuse if registration costs more than this; also the price cap of the transaction',
    )
    .option('--yes', 'do not ask for the typed confirmation (scripts)')
    .option(
      '--register-anyway',
      "register even though this computer cannot mine the network's protocol (a second, explicit confirmation)",
    )
    .option('--json', 'machine-readable output')
    .action(async (o: RegisterOptions) => {
      const out = cliOutput(Boolean(o.json));
      const { network, chainEndpoint, netuid } = networkFromFlags(o);
      const maxBurnRao = parseMaxBurn(o.maxBurn);
      const wallet = walletFromFlags(o);
      const [hot, cold] = await Promise.all([readHotkeyPub(wallet), readColdkeyPub(wallet)]);
      const endpoint = resolveEndpoint(network, chainEndpoint);
      out.info(`reading ${endpoint} (netuid ${netuid})…`);
      const client = await ChainClient.connect(endpoint, { connectTimeoutMs: 15_000, healthIntervalMs: 0 });
      try {
        const { api } = client;
        const { report } = await subnetEconomics(api, netuid);
        const support = deps.protocolGuard
          ? await deps.protocolGuard({ api, network, endpoint, netuid })
          : null;
        out.info(economicsText(report));
        out.info(protocolSupportLine(support));
        if (support && !support.canMine && !o.registerAnyway)
          throw new UserError(
            `not registering: ${support.summary} (to burn TAO for a registration this computer cannot mine, add --register-anyway)`,
          );
        if (!report.registration.allowed)
          throw new UserError(
            `registration is closed on subnet ${netuid} (NetworkRegistrationAllowed is false)`,
          );

        const quote = await quoteBurnedRegister(api, { netuid, hotkey: hot.address, coldkey: cold.address });
        if (quote.existingUid !== undefined)
          throw new UserError(
            `the hotkey ${hot.address} is already registered on netuid ${netuid} as uid ${quote.existingUid}`,
          );
        if (maxBurnRao !== undefined && quote.burnRao > maxBurnRao)
          throw new UserError(
            `registration costs ${raoToTao(quote.burnRao)} TAO, above --max-burn ${raoToTao(maxBurnRao)} TAO: not registering`,
          );
        // The transaction is refused if Burn rises above the cap before it is included.
        const capRao = maxBurnRao ?? quote.burnRao;
        out.info(
          `Burn now: ${raoToTao(quote.burnRao)} TAO (burned, not refunded) + fee ≈ ${raoToTao(quote.feeRao)} TAO; ` +
            `price cap ${raoToTao(capRao)} TAO${maxBurnRao === undefined ? ' (the price shown)' : ' (--max-burn)'}; ` +
            `coldkey ${cold.address} holds ${raoToTao(quote.balanceRao)} TAO; hotkey ${hot.address}`,
        );
        if (quote.balanceRao < quote.burnRao + quote.feeRao)
          throw new UserError(
            `the coldkey holds ${raoToTao(quote.balanceRao)} TAO; registration needs ${raoToTao(quote.burnRao + quote.feeRao)} TAO with the fee`,
          );
        if (!o.yes) await confirmNetuid(netuid, raoToTao(quote.burnRao), out);
        const password = await obtainPassword({ passwordEnv: o.passwordEnv }, 'Coldkey password', false);
        const coldkey = await unlockColdkey({ ...wallet, password });
        try {
          const result = await burnedRegister(
            api,
            {
              netuid,
              hotkey: hot.address,
              coldkey: chainSignerFromKey(coldkey, api.registry),
              confirmBurnRao: capRao,
            },
            { nonces: client.nonces },
          );
          out.result(
            { network, netuid, hotkey: hot.address, ...result },
            () =>
              `Registered ${hot.address} on netuid ${netuid} as uid ${result.uid} (block ${result.block}); ` +
              `burned ${raoToTao(result.burnedRao)} TAO${result.feeRao === undefined ? '' : `, fee ${raoToTao(result.feeRao)} TAO`}`,
          );
        } finally {
          coldkey.wipe();
        }
      } finally {
        await client.close();
      }
    });
}

function parseMaxBurn(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  try {
    return taoToRao(value);
  } catch {
    throw new UserError(`--max-burn must be an amount of TAO such as 0.5, got "${value}"`);
  }
}

/** The user types the netuid to confirm; anything else refuses. */
async function confirmNetuid(netuid: number, burnTao: number, out: CliOutput): Promise<void> {
  if (!process.stdin.isTTY)
    throw new UserError('no terminal to confirm on: read the figures above, then pass --yes to register');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Type the netuid (${netuid}) to burn ${burnTao} TAO and register: `);
    if (answer.trim() !== String(netuid))
      throw new UserError(`not registering: "${answer.trim()}" is not ${netuid}`);
    out.info('confirmed');
  } finally {
    rl.close();
  }
}
