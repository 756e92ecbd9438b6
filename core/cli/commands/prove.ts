import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { cliOutput, UsageError } from '../context.js';
import { ensureOutputDir, readJsonFile } from '../files.js';
import { dataPaths } from '../../util/paths.js';
import { UserError } from '../../util/errors.js';
import { findCircuit } from '../../circuits/find.js';
import { createProvingEngine } from '../../provers/engine.js';
import { SettingsStore } from '../../service/settings-store.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';
import { validateInput } from '../../circuits/inputs/registry.js';
import type { Circuit, CircuitStore } from '../../circuits/store.js';
import { compareProofWithModel, type ModelComparison } from '../../provers/ezkl/onnx-check.js';
import { GROTH16_PROVERS, type Groth16ProverName } from '../../provers/native/native-groth16.js';

function readInput(path: string): CircuitInput {
  const v = readJsonFile(path, 'input file');
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new UserError(`input file ${path} must hold a JSON object`);
  return v as CircuitInput;
}

type ModelCheck = ModelComparison | { error: string };

/** How the proven outputs compare with the circuit's float model (network.onnx), when it ships one. */
async function compareWithModel(
  store: CircuitStore,
  circuitId: string,
  input: CircuitInput,
  publicSignalsText: string,
): Promise<ModelCheck | null> {
  const onnxPath = await store.resolve(circuitId, 'network.onnx');
  if (!onnxPath) return null;
  try {
    const instances = (JSON.parse(publicSignalsText) as string[][])[0] ?? [];
    const settings = await store.readEzklSettings(circuitId);
    return await compareProofWithModel({ onnxPath, settings, input, instances });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const describeModelCheck = (c: ModelCheck): string =>
  'error' in c
    ? `could not compare with network.onnx: ${c.error}`
    : `outputs vs network.onnx: largest difference ${c.maxError.toPrecision(3)} (${c.maxSteps.toFixed(1)} quantisation steps)`;

/** The capability's reason with the exact command that fixes it. */
function cannotProveHint(circuit: Circuit, reason = 'no prover for it'): string {
  if (/sn2 circuits fetch"\)/.test(reason))
    return reason.replace('sn2 circuits fetch"', `sn2 circuits fetch ${circuit.id.slice(0, 12)}"`);
  if (circuit.proofSystem === 'EZKL' && /ezkl/i.test(reason)) return `${reason} (see "sn2 ezkl status")`;
  return reason;
}

async function engine() {
  const paths = dataPaths();
  const settings = new SettingsStore(paths.settings).get();
  return createProvingEngine({ paths, prover: settings.prover, measureAtStart: false });
}

const PROVER_CHOICES = ['auto', ...GROTH16_PROVERS] as const;

function proverOption(value: string): Groth16ProverName | undefined {
  if (!(PROVER_CHOICES as readonly string[]).includes(value))
    throw new UsageError(`--prover must be one of ${PROVER_CHOICES.join(', ')}, got "${value}"`);
  return value === 'auto' ? undefined : (value as Groth16ProverName);
}

export function registerProve(program: Command): void {
  program
    .command('prove')
    .description('Prove a circuit input (used as-is, like a miner does) and write proof.json and public.json')
    .requiredOption('--circuit <id>', 'circuit id or unique prefix')
    .requiredOption('--input <file>', 'JSON input of the circuit')
    .option('--out <dir>', 'folder for proof.json and public.json', '.')
    .option('--process', 'validate and process the input first, as a validator does for a real-world request')
    .option(
      '--prover <name>',
      `Groth16 prover: ${PROVER_CHOICES.join(' | ')} (auto = the fastest measured here)`,
      'auto',
    )
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        circuit: string;
        input: string;
        out: string;
        process?: boolean;
        prover: string;
        json?: boolean;
      }) => {
        const out = cliOutput(Boolean(opts.json));
        const forced = proverOption(opts.prover);
        const raw = readInput(opts.input);
        const e = await engine();
        try {
          const circuit = findCircuit(e.store, opts.circuit);
          const capability = await e.prover.capability(circuit.id);
          if (!capability.canProve)
            throw new UserError(
              `${circuit.name} (${circuit.id.slice(0, 12)}) cannot be proven here: ${cannotProveHint(circuit, capability.reason)}`,
            );
          ensureOutputDir(opts.out, '--out');
          let input = raw;
          if (opts.process) {
            try {
              input = validateInput(circuit.id, raw);
            } catch (err) {
              throw new UserError((err as Error).message);
            }
            writeFileSync(join(opts.out, 'input.json'), `${JSON.stringify(input)}\n`);
          }
          if (forced && circuit.proofSystem !== 'CIRCOM')
            throw new UserError(
              `--prover ${forced} is for Groth16 (CIRCOM) circuits; ${circuit.name} is ${circuit.proofSystem}`,
            );
          const r = await e.prover.prove(circuit.id, input, { prover: forced });
          writeFileSync(join(opts.out, 'proof.json'), `${r.proofText}\n`);
          writeFileSync(join(opts.out, 'public.json'), `${r.publicSignalsText}\n`);
          const modelCheck =
            circuit.proofSystem === 'EZKL'
              ? await compareWithModel(e.store, circuit.id, input, r.publicSignalsText)
              : null;
          const result = {
            circuit: circuit.id,
            prover: r.prover,
            timings: r.timings,
            out: opts.out,
            modelCheck,
          };
          out.result(result, () =>
            [
              `proved ${circuit.name} with ${r.prover} in ${Math.round(r.timings.totalMs)} ms → ${opts.out}`,
              ...(modelCheck ? [describeModelCheck(modelCheck)] : []),
            ].join('\n'),
          );
        } finally {
          await e.close();
        }
      },
    );
  program
    .command('verify')
    .description(
      'Verify a proof as a v10 validator does (with --input, every input position is pinned to it)',
    )
    .requiredOption('--circuit <id>', 'circuit id or unique prefix')
    .requiredOption('--proof <file>', 'proof.json')
    .requiredOption('--public <file>', 'public.json (public signals / instances)')
    .option('--input <file>', 'the input the proof must be for')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: { circuit: string; proof: string; public: string; input?: string; json?: boolean }) => {
        const out = cliOutput(Boolean(opts.json));
        const proofText = JSON.stringify(readJsonFile(opts.proof, 'proof file'));
        const publicText = JSON.stringify(readJsonFile(opts.public, 'public signals file'));
        const expected = opts.input ? readInput(opts.input) : {};
        const e = await engine();
        try {
          const circuit = findCircuit(e.store, opts.circuit);
          const r = await e.prover.verify(circuit.id, expected, proofText, publicText);
          out.result({ circuit: circuit.id, ...r }, () =>
            r.verified
              ? `OK: proof verified (${r.verifier})`
              : `NOT VERIFIED: ${r.reason ?? 'invalid proof'}`,
          );
          if (!r.verified) process.exitCode = 1;
        } finally {
          await e.close();
        }
      },
    );
}
