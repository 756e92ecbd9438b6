import { resolve } from 'node:path';
import type { Command } from 'commander';
import { cliOutput, UsageError } from '../context.js';
import { dataPaths } from '../../util/paths.js';
import { SettingsStore } from '../../service/settings-store.js';
import { ezklStatus, type EzklStatus } from '../../provers/ezkl/status.js';
import { installEzkl } from '../../provers/ezkl/install.js';
import { locateEzkl } from '../../provers/ezkl/native-cli.js';
import { UserError } from '../../util/errors.js';

const MiB = 1024 * 1024;

function describe(s: EzklStatus): string {
  const lines = [
    s.installed ? `ezkl ${s.version}: installed at ${s.path}` : `ezkl ${s.version}: not usable (${s.reason})`,
  ];
  if (!s.installed)
    lines.push(
      s.installable
        ? 'run "sn2 ezkl install" to install it'
        : `cannot install it here: ${s.installBlockedReason}`,
    );
  return lines.join('\n');
}

export function registerEzkl(program: Command): void {
  const ezkl = program
    .command('ezkl')
    .description('The native ezkl 22.0.1 prover that SN2 EZKL circuits need: status, install, use');
  const current = () => {
    const paths = dataPaths();
    return {
      binDir: paths.bin,
      configuredPath: new SettingsStore(paths.settings).get().prover.nativePaths.ezkl,
    };
  };
  ezkl
    .command('status')
    .description('Whether a usable ezkl is installed, and whether this build can install it here')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const s = await ezklStatus(current());
      out.result(s, () => describe(s));
      if (!s.installed) process.exitCode = 1;
    });
  ezkl
    .command('install')
    .description(
      "Download the pinned ezkl release, check its sha256 and version, install into the data folder's bin/",
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const { binDir } = current();
      let last = -Infinity;
      const installed = await installEzkl({
        binDir,
        onProgress: (p) => {
          if (p.stage !== 'download')
            return out.info(p.stage === 'unpack' ? 'unpacking' : 'checking the version');
          if (p.done - last < 8 * MiB && p.done !== p.total) return;
          last = p.done;
          out.info(
            `downloading ${(p.done / MiB).toFixed(1)} MiB${p.total ? ` of ${(p.total / MiB).toFixed(1)} MiB` : ''}`,
          );
        },
      });
      const s = await ezklStatus(current());
      out.result({ ...s, archiveSha256: installed.sha256 }, () =>
        s.installed ? `installed ezkl ${installed.version} at ${installed.path}` : describe(s),
      );
      if (!s.installed) process.exitCode = 1;
    });
  ezkl
    .command('use')
    .description(
      'Use an ezkl you installed yourself (it must be version 22.0.1), or --clear to stop using it',
    )
    .argument('[path]', 'the ezkl executable')
    .option('--clear', 'forget the configured path (the data folder, the app and PATH are searched again)')
    .option('--json', 'machine-readable output')
    .action(async (path: string | undefined, opts: { clear?: boolean; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      if (!path === !opts.clear) throw new UsageError('give the path of an ezkl executable, or --clear');
      const paths = dataPaths();
      const settings = new SettingsStore(paths.settings);
      const { ezkl: _old, ...others } = settings.get().prover.nativePaths;
      if (path) {
        const absolute = resolve(path);
        const found = await locateEzkl({ configuredPath: absolute });
        if (!found.cli) throw new UserError(`not using ${absolute}: ${found.reason}`);
        settings.update({ prover: { nativePaths: { ...others, ezkl: absolute } } });
      } else {
        settings.update({ prover: { nativePaths: others } });
      }
      const s = await ezklStatus(current());
      out.result(s, () => describe(s));
      if (!s.installed) process.exitCode = 1;
    });
}
