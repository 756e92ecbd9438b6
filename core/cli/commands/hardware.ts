import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { detectHardware } from '../../hardware/detect.js';
import { dataDir } from '../../util/paths.js';
import type { HardwareReport } from '../../contract/hardware.js';
import { currentProversReport, formatProvers } from './provers.js';

export function registerHardware(program: Command): void {
  program
    .command('hardware')
    .description(
      'Show CPU, memory, disk, OS and GPUs against the SN2 miner recommendations, and the provers with their measured times',
    )
    .option('--measure', 'measure every prover on every provable Groth16 circuit first')
    .option('--json', 'machine-readable output')
    .action(async (opts: { measure?: boolean; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const report = await detectHardware(dataDir());
      const provers = await currentProversReport({ measure: opts.measure, info: out.info });
      out.result({ ...report, provers }, () => `${formatReport(report)}\n\n${formatProvers(provers)}`);
    });
}

const gb = (b: number | null) => (b === null ? 'unknown' : `${(b / 1024 ** 3).toFixed(1)} GB`);

export function formatReport(r: HardwareReport): string {
  const gpus = r.gpus.length
    ? r.gpus
        .map(
          (g) =>
            `${g.vendor} ${g.model}${g.vramMb ? `, ${g.vramMb} MB` : ''}${g.cuda ? `, driver ${g.driverVersion}` : ''}`,
        )
        .join('; ')
    : 'none';
  return [
    `CPU      ${r.cpu.brand} — ${r.cpu.physicalCores} cores / ${r.cpu.threads} threads${r.cpu.speedGHz ? ` @ ${r.cpu.speedGHz} GHz` : ''}`,
    `Memory   ${gb(r.memory.totalBytes)} (${gb(r.memory.availableBytes)} available)`,
    `Disk     ${gb(r.disk.freeBytes)} free of ${gb(r.disk.totalBytes)} in ${r.disk.path}`,
    `OS       ${r.os.distro} ${r.os.release} (${r.os.platform}, ${r.os.arch})`,
    `GPU      ${gpus}`,
    '',
    ...r.verdict.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.message}`),
    '',
    r.verdict.summary,
  ].join('\n');
}
