// Main process: the OS idle state (Electron's powerMonitor) read every few seconds and sent to the
// core, which decides with the user's threshold whether "mine only while idle" may take work.
import type { PowerMonitor } from 'electron';
import type { IdleReading } from '../core/contract/core-channel.js';

export function readIdle(power: Pick<PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState'>): IdleReading {
  // The threshold only matters for 'idle' vs 'active'; 'locked' and 'unknown' are what we read here.
  const state = power.getSystemIdleState(1);
  if (state === 'unknown') return { kind: 'unknown', why: 'the operating system does not report idle time' };
  return { kind: 'known', idleSeconds: power.getSystemIdleTime(), locked: state === 'locked' };
}

/** Sends a reading now and every `everyMs`; returns the function that stops it. */
export function forwardIdleState(
  power: Pick<PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState'>,
  send: (reading: IdleReading) => void,
  everyMs = 5_000,
): () => void {
  send(readIdle(power));
  const timer = setInterval(() => send(readIdle(power)), everyMs);
  return () => clearInterval(timer);
}
