// npm run bench:wallet — unlock time of a $NACL coldkey (Argon2i, 512 MiB, 8 passes) per Argon2 backend,
// and how long the main thread's event loop stalls meanwhile (the KDF runs in a worker thread).
import { cpus, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Keypair } from '../core/bittensor/keys/index.js';
import {
  ARGON2_BACKENDS,
  decryptNacl,
  encryptNacl,
  serializeKeyfile,
  type Argon2BackendId,
} from '../core/bittensor/wallet/index.js';

const RUNS: Record<Argon2BackendId, number> = { 'node-rs-argon2': 5, 'libsodium-wasm': 3, 'hash-wasm': 3 };
const PASSWORD = 'bench password';

const key = await Keypair.fromUri('//Alice');
const plaintext = new TextEncoder().encode(serializeKeyfile(key));
const file = await encryptNacl(plaintext, PASSWORD);

console.log(
  `# wallet unlock benchmark — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log('backend          runs   min ms  median ms   max ms  max event-loop stall ms');
for (const backend of ARGON2_BACKENDS) {
  const times: number[] = [];
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  for (let i = 0; i < RUNS[backend]; i++) {
    const t0 = performance.now();
    const out = await decryptNacl(file, PASSWORD, { backend });
    times.push(performance.now() - t0);
    if (Buffer.compare(Buffer.from(out), Buffer.from(plaintext)) !== 0)
      throw new Error(`${backend}: wrong plaintext`);
  }
  lag.disable();
  times.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)];
  console.log(
    `${backend.padEnd(16)} ${String(times.length).padStart(4)} ${times[0].toFixed(0).padStart(8)} ${med.toFixed(0).padStart(10)} ${times.at(-1)!.toFixed(0).padStart(8)} ${(lag.max / 1e6).toFixed(0).padStart(24)}`,
  );
}
