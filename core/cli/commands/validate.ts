import { addNetworkFlags, networkFromFlags, walletFromFlags, type NetworkFlags } from '../network-flags.js';
import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { closeLogger, createLogger } from '../../service/logger.js';
import { SETTINGS_VERSION, SettingsSchema } from '../../contract/settings.js';
import { startNetworkValidator } from '../../service/node-runtime/network-validator.js';
import { dataPaths } from '../../util/paths.js';
import {
  addExternalApiOptions,
  externalApiSettingsPatch,
  type ExternalApiCliOptions,
} from '../../validator/api/cli-options.js';

interface ValidateOptions extends ExternalApiCliOptions, NetworkFlags {
  'axon.external_ip'?: string;
  json?: boolean;
}

export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description('Run the SN2 v10 validator: query miners, verify and score proofs, set weights');
  addNetworkFlags(cmd)
    .option('--axon.external_ip <ip>', 'public IP for the external API certificate')
    .option('--json', 'JSON lines of events on stdout');
  addExternalApiOptions(cmd).action(async (o: ValidateOptions) => {
    const out = cliOutput(Boolean(o.json));
    const settings = SettingsSchema.parse({
      version: SETTINGS_VERSION,
      ...networkFromFlags(o),
      wallet: walletFromFlags(o),
      axon: { externalIp: o['axon.external_ip'] },
      ...externalApiSettingsPatch(o),
    });
    const paths = dataPaths();
    const logger = createLogger(paths.logs);
    const node = await startNetworkValidator(
      {
        paths,
        logger,
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
    await closeLogger(logger);
    process.exit(0);
  });
}
