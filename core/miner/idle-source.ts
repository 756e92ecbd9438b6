import { execFile } from 'node:child_process';
import type { IdleReading } from '../contract/core-channel.js';

/** Where the miner learns how long the user has been away (polled by the idle gate). */
export type IdleSource = () => Promise<IdleReading>;

const run = (file: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(file, args, { timeout: 2_000, windowsHide: true }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    ),
  );

const missing = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The headless idle source. Linux: `xprintidle` (milliseconds since the last X input) when a display
 * and the tool are there; macOS: `ioreg -c IOHIDSystem` (HIDIdleTime, nanoseconds). Anywhere else,
 * and on a server without a display, nobody can tell: the reading is `unknown` and says why.
 */
export function systemIdleSource(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): IdleSource {
  return async () => {
    try {
      if (platform === 'linux') {
        if (!env.DISPLAY) return { kind: 'unknown', why: 'no display (DISPLAY is not set)' };
        const ms = Number((await run('xprintidle', [])).trim());
        if (!Number.isFinite(ms)) return { kind: 'unknown', why: 'xprintidle printed no number' };
        return { kind: 'known', idleSeconds: ms / 1000, locked: false };
      }
      if (platform === 'darwin') {
        const match = /"HIDIdleTime"\s*=\s*(\d+)/.exec(await run('ioreg', ['-c', 'IOHIDSystem', '-d', '4']));
        if (!match) return { kind: 'unknown', why: 'ioreg reported no HIDIdleTime' };
        return { kind: 'known', idleSeconds: Number(match[1]) / 1e9, locked: false };
      }
      return { kind: 'unknown', why: `no idle source on ${platform} outside the desktop app` };
    } catch (err) {
      if (missing(err)) return { kind: 'unknown', why: 'xprintidle is not installed' };
      return { kind: 'unknown', why: `the idle check failed: ${(err as Error).message}` };
    }
  };
}

/**
 * An idle source fed by the host (the desktop app's main process reads Electron's powerMonitor and
 * pushes each reading): the miner always sees the latest one.
 */
export function pushedIdleSource(): { source: IdleSource; push(reading: IdleReading): void } {
  let latest: IdleReading = { kind: 'unknown', why: 'waiting for the first idle reading from the app' };
  return {
    source: async () => latest,
    push: (reading) => {
      latest = reading;
    },
  };
}
