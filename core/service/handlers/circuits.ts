import type { AreaFactory } from './types.js';
import { CircuitStore } from '../../circuits/store.js';
import { generateInput, hasInputHandler } from '../../circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../circuits/constants.js';
import { createProvingEngine, type ProvingEngine } from '../../provers/engine.js';
import type { CommandOutput } from '../../contract/index.js';
import { proversReport } from '../../provers/report.js';

/**
 * `circuits.list`, `circuits.fetch` (downloads with `progress` events), `hardware.benchmark` (real
 * proofs of every provable circuit; the practice circuit by default) and `provers.list` (the provers
 * and the measured choice per circuit, from the same proving engine).
 */
export const circuitsHandlers: AreaFactory = (ctx) => {
  const store = new CircuitStore({ cacheDir: ctx.paths.circuits, onWarning: (m) => ctx.logger.warn(m) });
  let engine: Promise<ProvingEngine> | null = null;
  const getEngine = () =>
    (engine ??= createProvingEngine({
      paths: ctx.paths,
      prover: ctx.settings.get().prover,
      store,
      logger: ctx.logger,
    }));

  async function info(ids?: string[]): Promise<CommandOutput<'circuits.list'>> {
    const { prover } = await getEngine();
    const circuits = ids ? ids.map((id) => store.get(id)) : store.list();
    return Promise.all(
      circuits.map(async (c) => {
        const [status, cap] = await Promise.all([store.status(c.id), prover.capability(c.id)]);
        return {
          id: c.id,
          name: c.name,
          proofSystem: c.proofSystem,
          available: cap.canProve,
          ...(cap.reason ? { reason: cap.reason } : {}),
          ...(status.missingBytes !== null && status.missingBytes > 0
            ? { missingBytes: status.missingBytes }
            : {}),
        };
      }),
    );
  }

  return {
    handlers: {
      'circuits.list': () => info(),
      'provers.list': async ({ measure }) => {
        const engine = await getEngine();
        if (measure) await engine.measure({ all: true });
        const settings = ctx.settings.get().prover;
        return proversReport(engine, { binDir: ctx.paths.bin, configuredPath: settings.nativePaths.ezkl });
      },
      'circuits.fetch': async ({ ids }) => {
        const targets = ids ?? store.list().map((c) => c.id);
        for (const id of targets) {
          const taskId = `circuits.fetch:${id}`;
          const label = `Downloading ${store.get(id).name}`;
          try {
            await store.ensure(id, {
              onProgress: (p) =>
                ctx.emit({
                  type: 'progress',
                  taskId,
                  label: `${label}: ${p.file}`,
                  done: p.done,
                  total: p.total,
                  unit: 'bytes',
                  finished: false,
                }),
            });
            ctx.emit({ type: 'progress', taskId, label, done: 1, total: 1, unit: 'steps', finished: true });
          } catch (err) {
            const error = (err as Error).message;
            ctx.logger.warn({ circuitId: id, err: error }, 'circuit download failed');
            ctx.emit({ type: 'progress', taskId, label, done: 0, unit: 'steps', finished: true, error });
          }
        }
        return info(targets);
      },
      'hardware.benchmark': async ({ circuits, runs }) => {
        const { prover } = await getEngine();
        const ids = circuits ?? [PRACTICE_CIRCUIT_ID];
        const n = runs ?? 3;
        const out: CommandOutput<'hardware.benchmark'>['circuits'] = [];
        for (const id of ids) {
          const circuit = store.get(id);
          const base = { circuitId: id, circuitName: circuit.name, timeoutMs: circuit.timeoutMs };
          const cap = await prover.capability(id);
          if (!cap.canProve || !hasInputHandler(id)) {
            out.push({
              ...base,
              prover: 'none',
              runs: 0,
              p50Ms: null,
              minMs: null,
              maxMs: null,
              ok: false,
              error: cap.reason ?? 'no input generator',
            });
            continue;
          }
          const times: number[] = [];
          let used = 'snarkjs';
          const taskId = `hardware.benchmark:${id}`;
          const progress = (done: number, error?: string) =>
            ctx.emit({
              type: 'progress',
              taskId,
              label: `Benchmarking ${circuit.name}`,
              done,
              total: n,
              unit: 'items',
              finished: done === n || error !== undefined,
              ...(error ? { error } : {}),
            });
          try {
            progress(0);
            for (let i = 0; i < n; i++) {
              const t0 = performance.now();
              const r = await prover.prove(id, generateInput(id));
              times.push(performance.now() - t0);
              used = r.prover;
              progress(i + 1);
            }
            const sorted = [...times].sort((a, b) => a - b);
            const p50 = sorted[Math.floor((sorted.length - 1) / 2)];
            out.push({
              ...base,
              prover: used,
              runs: n,
              p50Ms: p50,
              minMs: sorted[0],
              maxMs: sorted.at(-1) ?? null,
              ok: p50 < circuit.timeoutMs,
            });
          } catch (err) {
            progress(times.length, (err as Error).message);
            out.push({
              ...base,
              prover: used,
              runs: times.length,
              p50Ms: null,
              minMs: null,
              maxMs: null,
              ok: false,
              error: (err as Error).message,
            });
          }
        }
        return { at: Date.now(), circuits: out };
      },
    },
    dispose: async () => {
      if (engine) await (await engine).close();
    },
  };
};
