// npm run bench:external-api — the validator external API on loopback: certificate generation, connect
// (TLS + WebSocket upgrade + sr25519 header check), JSON-RPC round trip with an instant sink (the API's own
// overhead, not proving), concurrent throughput, the request hash of a 1024-miner PoW payload, a metrics scrape.
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import WebSocket from 'ws';
import { parsePyJson, type PyDict } from '../core/bittensor/wire/index.js';
import { silentLogger } from '../core/contract/logger.js';
import { Sn2Metrics } from '../core/service/metrics/sn2-metrics.js';
import { startMetricsServer } from '../core/service/metrics/metrics-server.js';
import { ensureApiCertificate } from '../core/validator/api/certificate.js';
import { ExternalApiServer } from '../core/validator/api/server.js';
import { signAuthHeaders } from '../core/validator/api/auth-headers.js';
import { externalRequestHash } from '../core/validator/api/request-hash.js';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms (n=${xs.length})`;

await cryptoWaitReady();
console.log(
  `# external API benchmark — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
);
const dir = mkdtempSync(join(tmpdir(), 'sn2-bench-api-'));
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
const metrics = new Sn2Metrics();
try {
  let t = performance.now();
  const cert = await ensureApiCertificate(join(dir, 'rsa4096'), { commonName: '127.0.0.1' });
  console.log(`certificate RSA-4096 generation: ${(performance.now() - t).toFixed(0)} ms`);

  const circuit = 'a'.repeat(64);
  const api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink: { submit: async (r) => ({ proof: r.hash, publicSignals: [] }) },
    catalog: {
      list: async () => [
        {
          id: circuit,
          name: 'c',
          description: '',
          author: '',
          version: '1',
          type: 'proof_of_computation',
          proof_system: 'CIRCOM',
          netuid: null,
          testnet_netuids: null,
          weights_version: null,
          input_schema: {},
        },
      ],
    },
    permits: { validatorPermits: async () => [] },
    whitelistedPublicKeys: [alice.address],
    logger: silentLogger(),
    limits: { rpcPerSecond: 1e6, rpcBurst: 1e6, maxPendingPerOrigin: 1e6, maxSocketsPerIp: 1e3 },
    onRequest: metrics.recordApiRequest,
  });
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`wss://127.0.0.1:${api.port}/rpc`, {
        headers: signAuthHeaders(alice, Date.now() / 1000),
        rejectUnauthorized: false,
      });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });

  const connects: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    const ws = await open();
    connects.push(performance.now() - t);
    ws.close();
  }
  console.log(`connect (TLS + upgrade + auth): ${fmt(connects)}`);

  const ws = await open();
  const pending = new Map<number, () => void>();
  ws.on('message', (d) => pending.get((JSON.parse(String(d)) as { id: number }).id)?.());
  let id = 0;
  const call = () =>
    new Promise<void>((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(
        JSON.stringify({
          jsonrpc: '2.0',
          id: n,
          method: 'subnet-2.proof_of_computation',
          params: { circuit, input: { a: n } },
        }),
      );
    });
  const rtts: number[] = [];
  for (let i = 0; i < 500; i++) {
    t = performance.now();
    await call();
    rtts.push(performance.now() - t);
  }
  console.log(`JSON-RPC round trip, one at a time: ${fmt(rtts)}`);
  t = performance.now();
  await Promise.all(Array.from({ length: 2000 }, call));
  console.log(
    `JSON-RPC throughput, 2000 in flight on one socket: ${(2000 / ((performance.now() - t) / 1000)).toFixed(0)} calls/s`,
  );
  ws.close();

  const n = 1024;
  const payload = JSON.stringify({
    maximum_score: Array(n).fill(0.0042),
    previous_score: Array.from({ length: n }, (_, i) => i / n),
    verified: Array.from({ length: n }, (_, i) => i % 3 !== 0),
    proof_size: Array(n).fill(5000),
    response_time: Array.from({ length: n }, (_, i) => 1 + i / 100),
    miner_uid: Array.from({ length: n }, (_, i) => i % 256),
    block_number: Array(n).fill(5_000_000),
    validator_uid: Array(n).fill(7),
  });
  const hashes: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    externalRequestHash(parsePyJson(payload) as PyDict);
    hashes.push(performance.now() - t);
  }
  console.log(
    `parse + hash of a 1024-miner PoW payload (${(payload.length / 1024).toFixed(0)} KiB): ${fmt(hashes)}`,
  );
  await api.close();

  const server = await startMetricsServer({ port: 0, metrics, logger: silentLogger() });
  const scrapes: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    scrapes.push(performance.now() - t);
  }
  console.log(`metrics scrape (incl. process metrics): ${fmt(scrapes)}`);
  await server.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
