import { resolve } from 'node:path';
import type { Command } from 'commander';
import { cliOutput, UsageError } from '../context.js';
import { dataPaths } from '../../util/paths.js';
import { UserError } from '../../util/errors.js';
import { SettingsStore } from '../../service/settings-store.js';
import type { ProversReport } from '../../contract/provers.js';
import { createProvingEngine } from '../../provers/engine.js';
import { proversReport } from '../../provers/report.js';
import { createProverPool } from '../../provers/pool.js';
import { checkNativeProver } from '../../provers/native/detect.js';
import { locateEzkl } from '../../provers/ezkl/native-cli.js';
import { detectCudaGpus } from '../../hardware/cuda.js';

const NAMES = ['rapidsnark', 'icicle-snark', 'ezkl'] as const;
type ConfigurableProver = (typeof NAMES)[number];

function proverName(name: string): ConfigurableProver {
  if (!(NAMES as readonly string[]).includes(name))
    throw new UsageError(`unknown prover "${name}": use ${NAMES.join(', ')}`);
  return name as ConfigurableProver;
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);

/** The provers, the measured times (circuit × prover) and the choice, as text. */
export function formatProvers(r: ProversReport): string {
  const lines = r.provers.map(
    (p) =>
      `${p.usable ? '✓' : '✗'} ${p.name.padEnd(13)}${p.usable ? `${p.path ?? 'built in'}${p.source && p.source !== 'built-in' ? ` (${p.source})` : ''}${p.selfTestMs !== undefined ? `, self-test ${ms(p.selfTestMs)}` : ''}` : (p.reason ?? 'not usable')}`,
  );
  if (r.times.length === 0)
    lines.push(
      '',
      'No proof times measured yet (the miner measures them at start; or "sn2 provers list --measure").',
    );
  else {
    lines.push('', 'Measured proof time (witness excluded), per circuit:');
    for (const t of r.times)
      lines.push(
        `  ${t.circuitName.padEnd(28)} ${t.prover.padEnd(13)} ${t.error ? `failed: ${t.error}` : ms(t.ms)}${t.demoted ? ` (demoted: ${t.demoted})` : ''}${t.chosen ? '  ← chosen' : ''}`,
      );
  }
  if (r.choices.length) {
    lines.push('', 'Prover per provable Groth16 circuit:');
    for (const c of r.choices) lines.push(`  ${c.circuitName.padEnd(28)} ${c.prover}`);
  }
  return lines.join('\n');
}

/** The current report from a one-shot engine (detection and self-tests included; no background measuring). */
export async function currentProversReport(
  options: { measure?: boolean; info?: (line: string) => void } = {},
) {
  const paths = dataPaths();
  const settings = new SettingsStore(paths.settings).get().prover;
  const engine = await createProvingEngine({ paths, prover: settings, measureAtStart: false });
  try {
    if (options.measure) {
      options.info?.('measuring every prover on every provable Groth16 circuit…');
      await engine.measure({ all: true });
    }
    return await proversReport(engine, { binDir: paths.bin, configuredPath: settings.nativePaths.ezkl });
  } finally {
    await engine.close();
  }
}

export function registerProvers(program: Command): void {
  const provers = program
    .command('provers')
    .description(
      'The provers on this machine (snarkjs, rapidsnark, icicle-snark, ezkl): state, times, choice',
    );
  provers
    .command('list')
    .description(
      'Every prover with its state (usable, or why not), where it was found, and its measured time per circuit',
    )
    .option('--measure', 'measure every prover on every provable Groth16 circuit first')
    .option('--json', 'machine-readable output')
    .action(async (opts: { measure?: boolean; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const report = await currentProversReport({ measure: opts.measure, info: out.info });
      out.result(report, () => formatProvers(report));
    });
  provers
    .command('use')
    .description(
      'Use a prover binary installed by hand; it must prove a known circuit correctly before it is saved',
    )
    .argument('<name>', NAMES.join(' | '))
    .argument('<path>', 'the executable')
    .option('--json', 'machine-readable output')
    .action(async (rawName: string, path: string, opts: { json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const name = proverName(rawName);
      const absolute = resolve(path);
      let detail: string;
      if (name === 'ezkl') {
        const found = await locateEzkl({ configuredPath: absolute });
        if (!found.cli) throw new UserError(`not using ${absolute}: ${found.reason}`);
        detail = `ezkl ${found.cli.version}`;
      } else {
        const pool = createProverPool({ size: 1 });
        try {
          const ok = await checkNativeProver(name, absolute, { pool, cudaGpus: await detectCudaGpus() });
          await ok.prover.close();
          detail = `its practice-circuit proof took ${ms(ok.selfTestMs)} and verified`;
        } catch (err) {
          throw new UserError(`not using ${absolute}: ${(err as Error).message}`);
        } finally {
          await pool.close();
        }
      }
      const paths = dataPaths();
      const settings = new SettingsStore(paths.settings);
      settings.update({
        prover: { nativePaths: { ...settings.get().prover.nativePaths, [name]: absolute } },
      });
      out.result({ name, path: absolute, saved: true }, () => `using ${name} at ${absolute} (${detail})`);
    });
  provers
    .command('clear')
    .description('Forget a configured prover path (the data folder, the app and PATH are searched again)')
    .argument('<name>', NAMES.join(' | '))
    .option('--json', 'machine-readable output')
    .action((rawName: string, opts: { json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const name = proverName(rawName);
      const paths = dataPaths();
      const settings = new SettingsStore(paths.settings);
      const { [name]: old, ...others } = settings.get().prover.nativePaths;
      settings.update({ prover: { nativePaths: others } });
      out.result({ name, cleared: old ?? null }, () =>
        old ? `${name}: no longer using ${old}` : `${name}: no path was configured`,
      );
    });
}
