import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { createLogger } from '../../service/logger.js';
import { SETTINGS_VERSION, NetworkSchema, SettingsSchema } from '../../service/contract/settings.js';
import { startNetworkValidator } from '../../service/node-runtime/network-validator.js';
import { defaultSn2Netuid } from '../../sn2/constants.js';
import { dataPaths } from '../../util/paths.js';
import { UserError } from '../../util/errors.js';
import {
  addExternalApiOptions,
  externalApiSettingsPatch,
  type ExternalApiCliOptions,
} from '../../validator/api/cli-options.js';

interface ValidateOptions extends ExternalApiCliOptions {
  'subtensor.network': string;
  'subtensor.chain_endpoint'?: string;
  netuid?: string;
  'wallet.name': string;
  'wallet.hotkey': string;
  'wallet.path'?: string;
  'axon.external_ip'?: string;
  json?: boolean;
}

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description('Run the SN2 v10 validator: query miners, verify and score proofs, set weights')
    .option('--subtensor.network <network>', 'finney | test | local | a ws:// URL', 'finney')
    .option('--subtensor.chain_endpoint <url>', 'chain endpoint (overrides the network preset)')
    .option('--netuid <n>', 'subnet (default 2 on finney, 118 on test)')
    .option('--wallet.name <name>', 'wallet name', 'default')
    .option('--wallet.hotkey <name>', 'hotkey name', 'default')
    .option('--wallet.path <path>', 'wallets folder (default ~/.bittensor/wallets)')
    .option('--axon.external_ip <ip>', 'public IP for the external API certificate')
    .option('--json', 'JSON lines of events on stdout');
  addExternalApiOptions(cmd).action(async (o: ValidateOptions) => {
    const out = cliOutput(Boolean(o.json));
    const netArg = o['subtensor.network'];
    const isUrl = /^wss?:\/\//.test(netArg);
    const parsedNetwork = NetworkSchema.safeParse(isUrl ? 'custom' : netArg);
    if (!parsedNetwork.success || parsedNetwork.data === 'practice')
      throw new UserError(
        `--subtensor.network must be finney, test, local or a ws:// URL (got "${netArg}"); for practice run "sn2 practice"`,
      );
    const network = parsedNetwork.data;
    const netuid = o.netuid === undefined ? defaultSn2Netuid(network) : Number(o.netuid);
    if (!Number.isInteger(netuid) || netuid < 0 || netuid > 65535)
      throw new UserError('--netuid must be a subnet number');
    const settings = SettingsSchema.parse({
      version: SETTINGS_VERSION,
      network,
      chainEndpoint: o['subtensor.chain_endpoint'] ?? (isUrl ? netArg : undefined),
      netuid,
      wallet: { name: o['wallet.name'], hotkey: o['wallet.hotkey'], path: o['wallet.path'] },
      axon: { externalIp: o['axon.external_ip'] },
      ...externalApiSettingsPatch(o),
    });
    const paths = dataPaths();
    const node = await startNetworkValidator(
      {
        paths,
        logger: createLogger(paths.logs),
        emit: (e) => {
          if (o.json) process.stdout.write(`${JSON.stringify(e)}\n`);
          else if (e.type === 'proof')
            out.info(
              `uid ${e.entry.minerUid} ${e.entry.circuitName}: ${e.entry.status}${e.entry.error ? ` (${e.entry.error})` : ''} ${Math.round(e.entry.totalMs)} ms`,
            );
          else if (e.type === 'weights')
            out.info(`weights ${e.ok ? `set at block ${e.block}` : `not set: ${e.detail}`}`);
          else if (e.type === 'log' && e.level !== 'debug') out.info(e.msg);
        },
      },
      settings,
      (line) => out.info(line),
    );
    out.info(`${node.detail ?? 'validator running'}; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    out.info('stopping: letting in-flight requests finish…');
    await node.stop();
    process.exit(0);
  });
}
