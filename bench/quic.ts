/**
 * `npm run bench:quic`: the btlightning probe's handshake time on loopback (spec sn2-2026 §4.9). The server is the
 * TypeScript btlightning server of tests/helpers in a child process (its own event loop, as a real miner would be);
 * the probe runs here. Per mode (accepted: any signed key admitted; refused: only the mainnet validator admitted, as
 * the stock miner) 25 sequential probes, under btlightning's 30-handshakes-a-minute limit per IP: QUIC + TLS connect
 * (with the server's Retry), btlightning handshake, total; p50/p95/max. The first probe, which loads the native
 * library, is reported apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus } from 'node:os';
import { Keypair, cryptoReady } from '../core/bittensor/keys/index.js';
import { probeQuic, type QuicProbeResult } from '../core/btlightning/probe.js';

const SAMPLES = 25;
const ADMITTED = '5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J';

async function startServer(admit: string[]): Promise<{ child: ChildProcess; port: number; miner: string }> {
  const args = ['--import', 'tsx', 'tests/helpers/btlightning-server.ts', '--port', '0'];
  for (const a of admit) args.push('--admit', a);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`btlightning-server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const ready = JSON.parse(first) as { port: number; minerHotkey: string };
  child.stdout!.resume();
  return { child, port: ready.port, miner: ready.minerHotkey };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(1)}  p95 ${pct(xs, 0.95).toFixed(1)}  max ${Math.max(...xs).toFixed(1)}`;

async function mode(name: string, admit: string[], signer: Keypair): Promise<void> {
  const server = await startServer(admit);
  try {
    const results: QuicProbeResult[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const r = await probeQuic({ host: '127.0.0.1', port: server.port, signer, expectHotkey: server.miner });
      if (!r.ok) throw new Error(`probe ${i} failed: ${r.message}`);
      results.push(r);
    }
    const [first, ...rest] = results;
    const t = (k: 'connectMs' | 'handshakeMs' | 'totalMs') => rest.map((r) => r.timings[k]!);
    console.log(`\n${name} (${rest.length} probes after the first; ms)`);
    console.log(
      `  first probe      total ${first.timings.totalMs.toFixed(1)} (connect ${first.timings.connectMs!.toFixed(1)})`,
    );
    console.log(`  QUIC+TLS connect ${fmt(t('connectMs'))}`);
    console.log(`  handshake        ${fmt(t('handshakeMs'))}`);
    console.log(`  total            ${fmt(t('totalMs'))}`);
  } finally {
    server.child.kill('SIGTERM');
  }
}

await cryptoReady();
const signer = await Keypair.fromSeed(new Uint8Array(32).fill(2));
console.log(
  `bench:quic — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, @matrixai/quic 1.2.12`,
);
await mode('accepted (loopback miner, every signed key admitted)', [], signer);
await mode('refused (stock 2026 miner: only the mainnet validator admitted)', [ADMITTED], signer);
