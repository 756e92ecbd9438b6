import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { dataPaths } from '../../util/paths.js';
import { SettingsStore } from '../../service/settings-store.js';
import { UserError } from '../../util/errors.js';
import { runPractice, type PracticeSummary } from '../../practice/practice.js';

export function registerPractice(program: Command): void {
  program
    .command('practice')
    .description(
      'Run a miner and a validator against a local subtensor devnet with real proofs, set weights, and show the result (no TAO needed)',
    )
    .option('--rounds <n>', 'requests the validator sends', '3')
    .option(
      '--spec <path>',
      'subtensor runtimeGenesis chain spec (default $SUBTENSOR_SPEC or the pinned download)',
    )
    .option('--json', 'print one JSON object')
    .action(async (opts: { rounds: string; spec?: string; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const rounds = Number(opts.rounds);
      if (!/^\d+$/.test(opts.rounds) || rounds < 1 || rounds > 1000)
        throw new UserError(`--rounds must be an integer from 1 to 1000, got "${opts.rounds}"`);
      const paths = dataPaths();
      const summary = await runPractice({
        rounds,
        dataDir: paths.root,
        prover: new SettingsStore(paths.settings).get().prover,
        specPath: opts.spec,
        emit: (e) => {
          if (e.type === 'proof' && e.entry.role === 'validator')
            out.info(
              `  uid ${e.entry.minerUid} ${e.entry.circuitName}: ${e.entry.status} in ${Math.round(e.entry.totalMs)} ms`,
            );
        },
        info: (line) => out.info(line),
      });
      out.result(summary, () => formatSummary(summary));
      process.exit(0);
    });
}

export function formatSummary(s: PracticeSummary): string {
  return [
    `Practice on netuid ${s.netuid}: miner uid ${s.minerUid}, validator uid ${s.validatorUid}`,
    `Proofs    ${s.requested} requested, ${s.verified} verified, ${s.failed} failed`,
    `Latency   p50 ${Math.round(s.latencyMs.p50)} ms, p95 ${Math.round(s.latencyMs.p95)} ms`,
    s.weights
      ? `Weights   set at block ${s.weights.block}: ${s.weights.uids.map((u, i) => `uid ${u}=${s.weights?.values[i]}`).join(', ')}`
      : 'Weights   not set',
    `Incentive miner ${s.minerIncentive.toFixed(6)} after the epoch (score ${s.minerScore.toFixed(6)})`,
    `Took ${(s.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
