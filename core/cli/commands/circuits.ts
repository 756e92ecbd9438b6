import type { Command } from 'commander';
import { cliOutput, describeError } from '../context.js';
import { dataPaths } from '../../util/paths.js';
import { CircuitStore, type CircuitStatus } from '../../circuits/store.js';
import { findCircuit } from '../../circuits/find.js';
import { UserError } from '../../util/errors.js';

const summary = (s: CircuitStatus) => ({
  id: s.circuit.id,
  name: s.circuit.name,
  proofSystem: s.circuit.proofSystem,
  type: s.circuit.metadata.type,
  canProve: s.canProve,
  canVerify: s.canVerify,
  missingBytes: s.missingBytes,
  files: s.files.map((f) => ({ name: f.name, state: f.state, source: f.source, path: f.path })),
});

export function registerCircuits(program: Command): void {
  const circuits = program.command('circuits').description('List and download the SN2 circuits');
  circuits
    .command('list')
    .description('Show every circuit and whether its files are present for proving and verifying')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const store = new CircuitStore({ cacheDir: dataPaths().circuits });
      const rows = await Promise.all(store.list().map((c) => store.status(c.id)));
      out.result(rows.map(summary), () =>
        rows
          .map(
            (s) =>
              `${s.circuit.id.slice(0, 12)}  ${s.circuit.proofSystem.padEnd(6)} ${s.circuit.name.padEnd(28)} prove: ${
                s.canProve ? 'ready' : 'missing files'
              }, verify: ${s.canVerify ? 'ready' : 'missing files'}`,
          )
          .join('\n'),
      );
    });
  circuits
    .command('fetch')
    .description(
      'Download the missing files of the given circuits (ids or unique prefixes), or of all with --all',
    )
    .argument('[ids...]', 'circuit ids or prefixes')
    .option('--all', 'every circuit')
    .option('--json', 'machine-readable output')
    .action(async (ids: string[], opts: { all?: boolean; json?: boolean }) => {
      const out = cliOutput(Boolean(opts.json));
      const store = new CircuitStore({ cacheDir: dataPaths().circuits });
      if (!opts.all && ids.length === 0) throw new UserError('give circuit ids, or --all');
      const targets = opts.all ? store.list() : ids.map((id) => findCircuit(store, id));
      const failures: string[] = [];
      for (const c of targets) {
        let last = 0;
        try {
          await store.ensure(c.id, {
            onProgress: (p) => {
              if (p.done - last >= 8 * 1024 * 1024 || p.done === p.total) {
                last = p.done;
                out.info(
                  `${c.name}: ${p.file} ${(p.done / 1048576).toFixed(1)} MiB${p.total ? ` of ${(p.total / 1048576).toFixed(1)} MiB` : ''}`,
                );
              }
            },
          });
          out.info(`${c.name}: ready`);
        } catch (err) {
          failures.push(`${c.name}: ${describeError(err)}`);
          out.info(`${c.name}: ${describeError(err)}`);
        }
      }
      const rows = await Promise.all(targets.map((c) => store.status(c.id)));
      out.result({ circuits: rows.map(summary), failures }, () =>
        failures.length
          ? `${failures.length} of ${targets.length} circuits could not be fetched`
          : 'all fetched',
      );
      if (failures.length) process.exitCode = 1;
    });
}
