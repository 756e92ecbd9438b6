import type { Settings } from '../../contract/index.js';
import { IdleGate } from '../../miner/idle-gate.js';
import { systemIdleSource } from '../../miner/idle-source.js';
import type { HostHooks } from '../host-hooks.js';

/** The part of the miner the idle gate drives. */
export interface Pausable {
  pause(reason: string): void;
  resume(): void;
}

export interface IdleOnlyControl {
  /** The current decision, for the miner's status detail. */
  readonly detail: string;
  onDetail(listener: (detail: string) => void): void;
  stop(): void;
}

/**
 * `mining.idleOnly`: a gate polling the host's idle source (the desktop's powerMonitor, or the system
 * tools headless) that pauses the miner's intake while the user is active. Null when the setting is off.
 */
export async function idleOnlyGate(
  mining: Settings['mining'],
  host: HostHooks,
  miner: Pausable,
): Promise<IdleOnlyControl | null> {
  if (!mining.idleOnly) return null;
  const listeners: Array<(detail: string) => void> = [];
  const gate = new IdleGate({
    source: host.idleSource ?? systemIdleSource(),
    thresholdSeconds: mining.idleThresholdSeconds,
    onChange: (state) => {
      if (state.accepting) miner.resume();
      else miner.pause(state.detail);
      for (const l of listeners) l(state.detail);
    },
  });
  await gate.start();
  return {
    get detail() {
      return gate.state.detail;
    },
    onDetail: (listener) => listeners.push(listener),
    stop: () => gate.stop(),
  };
}
