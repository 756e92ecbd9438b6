/**
 * What `sn2 provers list`, `sn2 hardware` and the Hardware page show: every prover with its state, the
 * measured proof time per (Groth16 circuit, prover), and the prover each provable circuit uses now.
 */
import type { ProversReport } from '../contract/provers.js';
import type { ProvingEngine } from './engine.js';
import { ezklStatus } from './ezkl/status.js';
import { bundledBinDir } from './native/locate.js';

function ezklSource(path: string | null, o: { binDir: string; configuredPath?: string }) {
  if (!path) return null;
  if (o.configuredPath) return 'settings' as const;
  if (path.startsWith(o.binDir)) return 'data' as const;
  return path.startsWith(bundledBinDir()) ? ('bundled' as const) : ('PATH' as const);
}

export async function proversReport(
  engine: ProvingEngine,
  ezkl: { binDir: string; configuredPath?: string },
): Promise<ProversReport> {
  const { store, choice } = engine;
  const name = (id: string) => (store.has(id) ? store.get(id).name : id.slice(0, 12));
  const e = await ezklStatus(ezkl);
  const provable = [];
  for (const c of store.list())
    if (c.proofSystem === 'CIRCOM' && (await store.status(c.id)).canProve) provable.push(c);
  return {
    provers: [
      { name: 'snarkjs', usable: true, path: null, source: 'built-in' },
      ...engine.provers,
      {
        name: 'ezkl',
        usable: e.installed,
        path: e.path,
        source: ezklSource(e.path, ezkl),
        ...(e.reason ? { reason: e.reason } : {}),
      },
    ],
    times: choice.table().map((row) => ({ ...row, circuitName: name(row.circuitId) })),
    choices: provable.map((c) => ({ circuitId: c.id, circuitName: c.name, prover: choice.chosen(c.id) })),
  };
}
