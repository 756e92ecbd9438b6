/**
 * `npm run bench:axon`: a signed no-op synapse (QueryForCapacities) against our axon on loopback at
 * 1/32/256 concurrent clients, for 0/1/2 verification threads: req/s, p50/p99 latency, axon RSS;
 * plus this machine's raw sr25519 verification rate (the ceiling for signed requests per core).
 *
 * The axon runs in a child process; the load generator sends pre-signed requests (one uuid per
 * client, nonces in order) over raw keep-alive sockets so that its own CPU use stays small.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { sr25519Sign, sr25519Verify, waitReady } from '@polkadot/wasm-crypto';
import { cryptoWaitReady, sr25519PairFromSeed, sr25519Verify as utilVerify } from '@polkadot/util-crypto';
import { encodeAddress } from '@polkadot/util-crypto';
import { Axon, createSynapse, Dendrite } from '../core/bittensor/wire/index.js';
import type { Sr25519Signer } from '../core/bittensor/signer.js';
import { QueryForCapacities } from '../core/sn2/transport/v10-synapses.js';

function signerFromSeed(byte: number): Sr25519Signer {
  const pair = sr25519PairFromSeed(new Uint8Array(32).fill(byte));
  return {
    address: encodeAddress(pair.publicKey, 42),
    publicKey: pair.publicKey,
    sign: (m) => sr25519Sign(pair.publicKey, pair.secretKey, m),
  };
}

function verifyRates(): { wasm: number; utilCrypto: number } {
  const pair = sr25519PairFromSeed(new Uint8Array(32).fill(9));
  const msg = new TextEncoder().encode(
    `1723000000123456789.${'5'.repeat(48)}.${'5'.repeat(48)}.${'u'.repeat(36)}.${'a'.repeat(64)}`,
  );
  const sig = sr25519Sign(pair.publicKey, pair.secretKey, msg);
  const rate = (n: number, f: () => boolean) => {
    for (let i = 0; i < 50; i++) f();
    const t = performance.now();
    for (let i = 0; i < n; i++) if (!f()) throw new Error('verification failed');
    return n / ((performance.now() - t) / 1000);
  };
  return {
    wasm: rate(3000, () => sr25519Verify(sig, msg, pair.publicKey)),
    utilCrypto: rate(300, () => utilVerify(msg, sig, pair.publicKey)),
  };
}

/** Pre-built HTTP requests for one client (its own dendrite: own uuid, increasing nonces). */
function buildRequests(
  dendrite: Dendrite,
  target: { ip: string; port: number; hotkey: string },
  n: number,
): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const p = dendrite.prepare(target, QueryForCapacities, createSynapse(QueryForCapacities, {}), 12.0);
    const head = [
      `POST /QueryForCapacities HTTP/1.1`,
      `host: 127.0.0.1:${target.port}`,
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(p.body)}`,
      ...p.headers.map(([k, v]) => `${k}: ${v}`),
    ];
    out.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n${p.body}`));
  }
  return out;
}

/** Sends `requests` one after another on one keep-alive socket; resolves with latencies (ms) and statuses. */
function runClient(port: number, requests: Buffer[]): Promise<{ latencies: number[]; bad: number }> {
  return new Promise((resolve, reject) => {
    const sock: Socket = connect(port, '127.0.0.1');
    const latencies: number[] = [];
    let bad = 0;
    let i = 0;
    let started = 0;
    let buf: Buffer = Buffer.alloc(0);
    const sendNext = () => {
      if (i === requests.length) {
        sock.end();
        resolve({ latencies, bad });
        return;
      }
      started = performance.now();
      sock.write(requests[i++]);
    };
    sock.on('connect', sendNext);
    sock.on('error', reject);
    sock.on('data', (chunk: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const len = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        if (!head.startsWith('HTTP/1.1 200')) bad++;
        buf = buf.subarray(end + 4 + len);
        latencies.push(performance.now() - started);
        sendNext();
      }
    });
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function startChild(threads: number): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL(import.meta.url).pathname, ['axon', String(threads)], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m: { port: number }) => resolve(m.port)),
  );
  return { child, port };
}

async function main(): Promise<void> {
  await waitReady();
  await cryptoWaitReady();
  const cores = availableParallelism();
  const rates = verifyRates();
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}`);
  console.log(
    `raw sr25519 verify: @polkadot/wasm-crypto ${rates.wasm.toFixed(0)}/s per core; @polkadot/util-crypto sr25519Verify ${rates.utilCrypto.toFixed(0)}/s (${(rates.wasm / rates.utilCrypto).toFixed(1)}× slower)`,
  );
  console.log(
    `ceiling: verify rate × cores = ${(rates.wasm * cores).toFixed(0)} signed req/s; target ≥ 70% = ${(0.7 * rates.wasm * cores).toFixed(0)} req/s`,
  );
  console.log('');
  console.log('verify threads | clients | requests | req/s | p50 ms | p99 ms | axon RSS MiB | non-200');
  const axonKey = signerFromSeed(1);
  const perLevel: Record<number, number> = { 1: 1500, 32: 6000, 256: 6000 };
  for (const threads of [0, 1, 2]) {
    const { child, port } = await startChild(threads);
    const target = { ip: '127.0.0.1', port, hotkey: axonKey.address };
    for (const clients of [1, 32, 256]) {
      const per = Math.ceil(perLevel[clients] / clients);
      const batches = Array.from({ length: clients }, (_, c) =>
        buildRequests(new Dendrite(signerFromSeed(10 + (c % 200))), target, per),
      );
      const t0 = performance.now();
      const results = await Promise.all(batches.map((b) => runClient(port, b)));
      const seconds = (performance.now() - t0) / 1000;
      const lat = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const bad = results.reduce((a, r) => a + r.bad, 0);
      child.send('rss');
      const rss = await new Promise<number>((resolve) =>
        child.once('message', (m: { rss: number }) => resolve(m.rss)),
      );
      console.log(
        `${threads} | ${clients} | ${lat.length} | ${(lat.length / seconds).toFixed(0)} | ${pct(lat, 50).toFixed(2)} | ${pct(lat, 99).toFixed(2)} | ${(rss / 2 ** 20).toFixed(0)} | ${bad}`,
      );
    }
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

// ---- child: the axon under test -------------------------------------------------------------
if (process.argv[2] === 'axon') {
  await cryptoWaitReady();
  const axon = new Axon(signerFromSeed(1), {
    port: 0,
    host: '127.0.0.1',
    verifyThreads: Number(process.argv[3]),
    perIpLimit: null,
    perHotkeyLimit: null,
    concurrency: 256,
    maxQueue: 4096,
  });
  axon.attach(QueryForCapacities, { forward: (s) => s });
  const { port } = await axon.start();
  process.send?.({ port });
  process.on('message', (m: string) => {
    if (m === 'rss') process.send?.({ rss: process.memoryUsage().rss });
    if (m === 'stop') void axon.stop().then(() => process.exit(0));
  });
} else {
  await main();
}
