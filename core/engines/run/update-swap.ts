import { readEngineManifest, writeEngineManifest, type InstalledEngine } from '../installed-engine.js';
import { errorMessage } from '../../util/errors.js';
import type { EngineSupervisor } from './engine-supervisor.js';
import type { EngineBinary } from './locate-engine.js';

export interface SwapOptions {
  dataRoot: string;
  current: EngineSupervisor;
  /** The install the current engine runs. */
  running: InstalledEngine;
  launch: (binary: EngineBinary) => Promise<EngineSupervisor>;
  /** Longest wait for a moment with no proof in flight; default 10 min. */
  idleTimeoutMs?: number;
  pollMs?: number;
}

export interface SwapResult {
  supervisor: EngineSupervisor;
  running: InstalledEngine;
  rolledBack: boolean;
  /** Why the new version was rolled back. */
  reason?: string;
}

/** The manifest's active install differs from the running one: an update is waiting. */
export function pendingUpdate(dataRoot: string, running: InstalledEngine): InstalledEngine | undefined {
  const active = readEngineManifest(dataRoot).active;
  return active && (active.path !== running.path || active.sha256 !== running.sha256) ? active : undefined;
}

/**
 * Apply an installed update between proofs (issue #14): wait until no proof is in flight, stop the running
 * engine gracefully, start the manifest's active install; if it does not come up, switch the manifest back
 * (active ↔ previous) and start the version that ran before.
 */
export async function swapEngine(o: SwapOptions): Promise<SwapResult> {
  const next = pendingUpdate(o.dataRoot, o.running);
  if (!next) return { supervisor: o.current, running: o.running, rolledBack: false };
  const deadline = Date.now() + (o.idleTimeoutMs ?? 600_000);
  while (o.current.inFlight() > 0) {
    if (Date.now() > deadline)
      throw new Error('no pause between proofs to apply the engine update; it stays pending');
    await new Promise((r) => setTimeout(r, o.pollMs ?? 200));
  }
  await o.current.stop();
  try {
    const supervisor = await o.launch({ path: next.path, source: 'installed', installed: next });
    return { supervisor, running: next, rolledBack: false };
  } catch (err) {
    const reason = `sn2-miner ${next.tag} did not start (${errorMessage(err)}); back on ${o.running.tag}`;
    writeEngineManifest(o.dataRoot, { version: 1, active: o.running, previous: next });
    const supervisor = await o.launch({ path: o.running.path, source: 'installed', installed: o.running });
    return { supervisor, running: o.running, rolledBack: true, reason };
  }
}
