/**
 * npm run bench:engine — what supervising sn2-miner costs the app: the CPU time of this process (the
 * supervisor: pipes, bounded line splitting, record parsing, classification, event mapping) while the
 * stand-in engine (tests/helpers/sn2-miner-standin.mjs) runs idle, and while it floods stdout with log
 * lines. Figures: CPU % of one core; log lines handled per second (shown + counted-but-dropped); proof
 * entries made per second.
 */
import { cpus } from 'node:os';
import type { CoreEvent } from '../core/contract/index.js';
import { launchEngine } from '../core/engines/run/launch-engine.js';
import {
  engineHome,
  freeUdpPort,
  launchConfig,
  standinBinary,
  handInstalled,
} from '../tests/helpers/engine-standin.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function measure(label: string, env: Record<string, string>): Promise<void> {
  const home = engineHome();
  let lines = 0;
  let proofs = 0;
  const emit = (e: CoreEvent) => {
    if (e.type === 'proof') proofs++;
    if (e.type !== 'log') return;
    const dropped = /^(\d+) engine log line\(s\) not shown/.exec(e.msg);
    lines += dropped ? Number(dropped[1]) : 1;
  };
  const sup = await launchEngine(
    {
      binary: await handInstalled(standinBinary(home.dir, 'sn2-miner', env)),
      config: launchConfig(home, await freeUdpPort()),
      hotkeyFile: home.hotkeyFile,
      emit,
    },
    () => undefined,
  );
  await new Promise((r) => setTimeout(r, 1000));
  lines = 0;
  proofs = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  await sup.stop();
  const pct = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
  console.log(
    `${label.padEnd(34)} supervisor CPU ${pct.toFixed(2).padStart(6)} % of one core   lines handled ${Math.round(
      (lines / wallMs) * 1000,
    )
      .toString()
      .padStart(7)}/s   proof entries ${((proofs / wallMs) * 1000).toFixed(1)}/s`,
  );
}

console.log(
  `bench:engine — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${SECONDS} s per case`,
);
await measure('engine idle (listening, no requests)', {});
await measure('requests: 5 proofs/s', {
  STANDIN_REQUESTS: '100000',
  STANDIN_REQUEST_INTERVAL_MS: '150',
  STANDIN_PROOF_MS: '50',
});
await measure('log flood: 2 000 lines/s', { STANDIN_FLOOD: '2000' });
await measure('log flood: 20 000 lines/s', { STANDIN_FLOOD: '20000' });
process.exit(0);
