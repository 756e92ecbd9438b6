/**
 * `npm run bench:core-channel`: what running the core in its own process costs the desktop app. A real
 * core in a forked child (the utilityProcess stand-in of the supervisor tests) behind CoreSupervisor:
 * start-up to ready, and the round trip of a bridge envelope (settings.get) one at a time and 64 at once,
 * against the same dispatch in-process.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreService } from '../core/service/core-service.js';
import { dispatchCommand } from '../core/service/dispatch-command.js';
import { silentLogger } from '../core/contract/logger.js';
import type { BridgeResponse } from '../core/contract/bridge.js';
import { CoreSupervisor } from '../electron/core-supervisor.js';
import { coreChildScript, forkedCoreChild } from '../tests/integration/supervisor/forked-core.js';

const REQUEST = { command: 'settings.get', input: {} };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function roundTrips(dispatch: (r: unknown) => Promise<BridgeResponse>, n: number, parallel: number) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = 0; i < n / parallel; i++) {
        const t = performance.now();
        const r = await dispatch(REQUEST);
        if (!r.ok) throw new Error(r.error.message);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, ${Math.round(n / wall)} req/s`;
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'sn2-bench-channel-'));
  const local = new CoreService({ dataDir: home, logger: silentLogger() });
  const inProcess = (r: unknown) => dispatchCommand(local, r);
  await roundTrips(inProcess, 500, 1); // warm-up
  console.log(`in-process dispatch, 1 at a time:  ${await roundTrips(inProcess, 2000, 1)}`);
  console.log(`in-process dispatch, 64 at once:   ${await roundTrips(inProcess, 6400, 64)}`);
  await local.close();

  const supervisor = new CoreSupervisor({
    spawn: () => forkedCoreChild(coreChildScript, { SN2_HOME: home }),
    confirmNativePath: async () => false,
    onSettingsInvalid: async () => 'quit',
    log: () => undefined,
  });
  const t = performance.now();
  await supervisor.start();
  console.log(`core process start to ready (tsx, from sources): ${Math.round(performance.now() - t)} ms`);
  const remote = (r: unknown) => supervisor.dispatch(r);
  await roundTrips(remote, 500, 1);
  console.log(`core process channel, 1 at a time: ${await roundTrips(remote, 2000, 1)}`);
  console.log(`core process channel, 64 at once:  ${await roundTrips(remote, 6400, 64)}`);
  await supervisor.close();
}

main().catch((err: unknown) => {
  console.error(`bench:core-channel: ${(err as Error).message}`);
  process.exit(1);
});
