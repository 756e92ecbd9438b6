import type { Command } from 'commander';
import { Option } from 'commander';
import { cliOutput, type CliOutput } from '../context.js';
import { dataPaths } from '../../util/paths.js';
import type { EngineChannel, EngineStatus } from '../../contract/engine.js';
import { installEngine, type EngineInstallProgress } from '../../engines/install/install.js';
import { rollbackEngine } from '../../engines/install/activate.js';
import {
  checkForUpdate,
  clearCustomEngine,
  defaultEngineChannel,
  engineStatus,
  useCustomEngine,
} from '../../engines/install/manage.js';
import { SettingsStore } from '../../service/settings-store.js';

const MiB = 1024 * 1024;

function describe(s: EngineStatus): string {
  const lines: string[] = [];
  if (s.problem) lines.push(`engine manifest: ${s.problem}`);
  if (s.selected) {
    const what =
      s.selected.source === 'custom' ? 'installed by hand' : `${s.active?.channel} release ${s.active?.tag}`;
    lines.push(`sn2-miner ${s.selected.version ?? '(version unknown)'} (${what}) at ${s.selected.path}`);
    if (s.custom && s.active)
      lines.push(
        `also installed: ${s.active.channel} release ${s.active.tag} ("sn2 engine clear" to run it)`,
      );
  } else if (!s.problem) lines.push('sn2-miner: not installed');
  if (s.previous)
    lines.push(`previous: ${s.previous.channel} release ${s.previous.tag}, kept for "sn2 engine rollback"`);
  lines.push(
    s.supported
      ? `platform ${s.platform}: supported (release asset ${s.asset})`
      : `platform ${s.platform}: not supported: ${s.unsupportedReason}`,
  );
  if (!s.selected && s.supported)
    lines.push('run "sn2 engine install" (add --channel testnet for testnet builds)');
  return lines.join('\n');
}

/** Human progress lines: each stage once, downloads every 4 MiB and at the end. */
function progressPrinter(out: CliOutput): (p: EngineInstallProgress) => void {
  let lastStage = '';
  let lastBytes = -Infinity;
  const words = {
    release: 'finding the release',
    signature: 'checking the Sigstore signature of SHA256SUMS',
    check: 'testing the binary (--help, version)',
    place: 'installing',
  } as const;
  return (p) => {
    if (p.stage !== 'download') {
      if (p.stage !== lastStage) out.info(words[p.stage]);
      lastStage = p.stage;
      return;
    }
    lastStage = p.stage;
    if (p.done - lastBytes < 4 * MiB && p.done !== p.total) return;
    lastBytes = p.done;
    out.info(
      `downloading ${(p.done / MiB).toFixed(1)} MiB${p.total ? ` of ${(p.total / MiB).toFixed(1)} MiB` : ''}`,
    );
  };
}

const channelOption = () =>
  new Option('--channel <channel>', 'mainnet (semver releases) or testnet (testnet-* prereleases)').choices([
    'mainnet',
    'testnet',
  ]);

export function registerEngine(program: Command): void {
  const engine = program
    .command('engine')
    .description(
      "The official sn2-miner that mines today's Subnet 2: status, install, update, rollback, use, clear",
    );
  const root = () => dataPaths().root;
  const channelOf = (asked?: EngineChannel): EngineChannel =>
    asked ?? defaultEngineChannel(root(), new SettingsStore(dataPaths().settings).get().network);
  const report = (out: CliOutput, extra: Record<string, unknown> = {}, headline?: string) => {
    const s = engineStatus(root());
    out.result({ ...s, ...extra }, () => (headline ? `${headline}\n${describe(s)}` : describe(s)));
    if (!s.selected) process.exitCode = 1;
  };
  const install = async (out: CliOutput, channel: EngineChannel, tag?: string) => {
    const r = await installEngine({
      dataRoot: root(),
      channel,
      ...(tag ? { tag } : {}),
      onProgress: progressPrinter(out),
    });
    report(
      out,
      { installed: r.installed, signature: r.signature, resumedFrom: r.resumedFrom },
      `installed sn2-miner ${r.installed.version} (${channel} release ${r.installed.tag}), signed by ${r.signature.identity}`,
    );
  };

  engine
    .command('status')
    .description('What is installed, what a start runs, and whether this computer is supported')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => report(cliOutput(Boolean(opts.json))));
  engine
    .command('install')
    .description(
      'Download the newest release of the channel (or --tag), verify its signature and hash, make it active',
    )
    .addOption(channelOption())
    .option('--tag <tag>', 'a specific release of the channel')
    .option('--json', 'machine-readable output')
    .action(async (opts: { channel?: EngineChannel; tag?: string; json?: boolean }) =>
      install(cliOutput(Boolean(opts.json)), channelOf(opts.channel), opts.tag),
    );
  engine
    .command('update')
    .description(
      'Install the newest release of the channel if it is newer than the installed one (--check: only look)',
    )
    .addOption(channelOption())
    .option('--check', 'only say whether an update is available')
    .option('--json', 'machine-readable output')
    .action(async (opts: { channel?: EngineChannel; check?: boolean; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const channel = channelOf(opts.channel);
      const check = await checkForUpdate({ dataRoot: root(), channel });
      if (opts.check || !check.available)
        return out.result(check, () =>
          check.available
            ? `update available: ${channel} release ${check.latest.tag}${check.installed ? ` (installed: ${check.installed.tag})` : ''}; run "sn2 engine update"`
            : `sn2-miner is up to date (${channel} release ${check.installed?.tag})`,
        );
      await install(out, channel, check.latest.tag);
    });
  engine
    .command('rollback')
    .description('Make the previously installed release active again')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const now = rollbackEngine(root());
      report(cliOutput(Boolean(opts.json)), {}, `rolled back to ${now.channel} release ${now.tag}`);
    });
  engine
    .command('use')
    .description(
      'Run an sn2-miner you installed yourself (it is smoke-tested, its version read, its hash pinned)',
    )
    .argument('<path>', 'the sn2-miner executable')
    .option('--json', 'machine-readable output')
    .action(async (path: string, opts: { json?: boolean }) => {
      const custom = await useCustomEngine(root(), path);
      report(cliOutput(Boolean(opts.json)), {}, `using sn2-miner ${custom.version} at ${custom.path}`);
    });
  engine
    .command('clear')
    .description('Forget the sn2-miner set with "sn2 engine use" (the installed release runs again)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const cleared = clearCustomEngine(root());
      report(
        cliOutput(Boolean(opts.json)),
        { cleared },
        cleared ? 'forgot the hand-installed sn2-miner' : 'no hand-installed sn2-miner was set',
      );
    });
}
