import { activateEngine } from '../install/activate.js';
import { readEngineManifest } from '../installed-engine.js';
import { errorMessage } from '../../util/errors.js';
import type { EngineSupervisor } from './engine-supervisor.js';
import { engineLabel, locateEngine, type EngineBinary } from './locate-engine.js';

export interface SwapOptions {
  dataRoot: string;
  current: EngineSupervisor;
  /** The engine the current supervisor runs. */
  running: EngineBinary;
  launch: (binary: EngineBinary) => Promise<EngineSupervisor>;
  /** Locate the engine to start; default locateEngine(dataRoot) (tests pin the platform). */
  locate?: () => Promise<EngineBinary>;
  /** Longest wait for a moment with no proof in flight; default 10 min. */
  idleTimeoutMs?: number;
  pollMs?: number;
}

export interface SwapResult {
  supervisor: EngineSupervisor;
  running: EngineBinary;
  rolledBack: boolean;
  /** Why the new version was rolled back. */
  reason?: string;
}

/**
 * The installer activated another release (`sn2 engine install`/`update`/`rollback` → activateEngine/
 * rollbackEngine) than the running one: an update is waiting. Only between installed releases: a
 * hand-installed binary (`custom`) is never swapped under a running miner.
 */
export function updatePending(dataRoot: string, running: EngineBinary): boolean {
  if (running.source !== 'installed') return false;
  const { custom, active } = readEngineManifest(dataRoot);
  return (
    !custom && active !== undefined && (active.path !== running.path || active.sha256 !== running.sha256)
  );
}

/**
 * Apply an installed update between proofs (issue #14): wait until no proof is in flight, stop the running
 * engine gracefully, start the manifest's active install (re-hashed); if it does not come up, make the
 * version that ran before active again with the installer's activateEngine (so the failed one becomes
 * `previous`) and start it.
 */
export async function swapEngine(o: SwapOptions): Promise<SwapResult> {
  if (!updatePending(o.dataRoot, o.running))
    return { supervisor: o.current, running: o.running, rolledBack: false };
  const locate = o.locate ?? (() => locateEngine(o.dataRoot));
  const deadline = Date.now() + (o.idleTimeoutMs ?? 600_000);
  while (o.current.inFlight() > 0) {
    if (Date.now() > deadline)
      throw new Error('no pause between proofs to apply the engine update; it stays pending');
    await new Promise((r) => setTimeout(r, o.pollMs ?? 200));
  }
  await o.current.stop();
  let next: EngineBinary | undefined;
  try {
    next = await locate();
    const supervisor = await o.launch(next);
    return { supervisor, running: next, rolledBack: false };
  } catch (err) {
    const failed = next ? engineLabel(next) : (readEngineManifest(o.dataRoot).active?.tag ?? 'update');
    const reason = `sn2-miner ${failed} did not start (${errorMessage(err)}); back on ${engineLabel(o.running)}`;
    if ('tag' in o.running.entry) activateEngine(o.dataRoot, o.running.entry);
    const back = await locate();
    const supervisor = await o.launch(back);
    return { supervisor, running: back, rolledBack: true, reason };
  }
}
