import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { startDevnet } from '../../chain/devnet/start-devnet.js';
import { bootstrapSubnet } from '../../chain/devnet/bootstrap.js';
import { UserError } from '../../util/errors.js';

interface DevnetFlags {
  port: string;
  spec?: string;
  tempo: string;
  miners: string;
  validators: string;
  commitReveal?: boolean;
  bootstrap: boolean;
  json?: boolean;
}

const int = (name: string, text: string, min: number, max: number): number => {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new UserError(`--${name} must be an integer ${min}–${max}, got "${text}"`);
  return n;
};

export function registerDevnet(program: Command): void {
  program
    .command('devnet')
    .description(
      'Run a local subtensor chain (real runtime, spec 293, 1 s blocks) on 127.0.0.1 and create a ready subnet',
    )
    .option('--port <port>', 'WebSocket port on 127.0.0.1 (0 = any free port)', '9944')
    .option(
      '--spec <path>',
      'runtimeGenesis chain spec (default: $SUBTENSOR_SPEC, else the pinned upstream file)',
    )
    .option('--tempo <blocks>', 'subnet tempo', '10')
    .option('--miners <n>', 'dev miner hotkeys to register', '1')
    .option('--validators <n>', 'dev validator hotkeys to register and stake', '1')
    .option('--commit-reveal', 'enable commit-reveal (v2) on the subnet')
    .option('--no-bootstrap', 'start the bare chain without creating a subnet')
    .option('--json', 'machine-readable output (one JSON document once ready)')
    .action(async (opts: DevnetFlags) => {
      const out = cliOutput(Boolean(opts.json));
      // Every flag is checked before the chain starts (which takes seconds), not after.
      const port = int('port', opts.port, 0, 65535);
      const bootstrap = {
        tempo: int('tempo', opts.tempo, 1, 1000),
        miners: int('miners', opts.miners, 0, 32),
        validators: int('validators', opts.validators, 0, 32),
        commitReveal: Boolean(opts.commitReveal),
      };
      out.info('Starting the subtensor runtime (first start builds the genesis, ~10 s)…');
      const devnet = await startDevnet({ port, specPath: opts.spec });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        out.info('Stopping the devnet…');
        await devnet.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
      out.info(`Chain running at ${devnet.endpoint} (${(devnet.startMs / 1000).toFixed(1)} s)`);
      let subnet: Awaited<ReturnType<typeof bootstrapSubnet>> | undefined;
      if (opts.bootstrap) {
        out.info('Creating and starting a subnet (~20–40 s)…');
        subnet = await bootstrapSubnet(devnet, bootstrap);
      }
      const summary = {
        endpoint: devnet.endpoint,
        startMs: Math.round(devnet.startMs),
        block: await devnet.head(),
        subnet: subnet && {
          netuid: subnet.netuid,
          tempo: subnet.tempo,
          owner: { uid: 0, hotkey: subnet.owner.hotkey.address, coldkey: '//Alice' },
          miners: subnet.miners.map((m, i) => ({
            uid: m.uid,
            hotkey: m.hotkey.address,
            uri: `//Bob//miner-${i}`,
          })),
          validators: subnet.validators.map((v, i) => ({
            uid: v.uid,
            hotkey: v.hotkey.address,
            uri: i === 0 ? '//Charlie//vali-hot' : `//Charlie//vali-${i}`,
          })),
        },
      };
      out.result(summary, () =>
        [
          `endpoint  ${summary.endpoint}`,
          ...(summary.subnet
            ? [
                `netuid    ${summary.subnet.netuid} (tempo ${summary.subnet.tempo}, sudo //Alice)`,
                ...summary.subnet.miners.map((m) => `miner     uid ${m.uid}  ${m.hotkey}  (${m.uri})`),
                ...summary.subnet.validators.map((v) => `validator uid ${v.uid}  ${v.hotkey}  (${v.uri})`),
              ]
            : []),
          'Press Ctrl-C to stop.',
        ].join('\n'),
      );
    });
}
