import { connect as tcpConnect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type WebSocket from 'ws';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { ExternalCircuitInfo } from '../../../core/validator/api/types.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { circuitInfo } from './circuit-info.js';
import { closeAndWait, httpsGet, openRpc, roundTrip } from './tls-client.js';

const ID = '2'.repeat(64);
const circuits: ExternalCircuitInfo[] = [circuitInfo(ID, { netuid: 2, weights_version: 1 })];

/** Deterministic PRNG (mulberry32) so a failing fuzz case can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'subnet-2.proof_of_computation',
  params: { circuit: ID, input: { a: [1, 2.5, 'x'] } },
});
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '1e999',
  '-0',
  'null',
  'NaN',
  '"jsonrpc"',
  '"2.0"',
  '"id"',
  '"method"',
  '"params"',
  '"omron.proof_of_weights"',
  '"subnet-2.proof_of_computation"',
  '"\\ud800"',
  '\u0000',
  '9'.repeat(400),
  ' ',
];

function frame(next: () => number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]!;
  switch (Math.floor(next() * 4)) {
    case 0: {
      // Mutate the valid request: replace, delete or insert characters.
      const chars = [...VALID];
      for (let n = 1 + Math.floor(next() * 6); n > 0; n--) {
        const at = Math.floor(next() * chars.length);
        const op = next();
        if (op < 0.33) chars[at] = String.fromCharCode(Math.floor(next() * 128));
        else if (op < 0.66) chars.splice(at, 1);
        else chars.splice(at, 0, pick(PIECES));
      }
      return chars.join('');
    }
    case 1:
      return Array.from({ length: 1 + Math.floor(next() * 30) }, () => pick(PIECES)).join('');
    case 2:
      return '['.repeat(Math.floor(next() * 2000)) + ']'.repeat(Math.floor(next() * 2000));
    default:
      return JSON.stringify({
        jsonrpc: pick(['2.0', '1.0', 2, null]),
        id: pick([1, 'x', null, [], {}, 1.5, true, 2 ** 60]),
        method: pick(['subnet-2.proof_of_weights', 'subnet-2.proof_of_computation', 'omron.x', '', 7]),
        params: pick([
          {},
          [],
          null,
          'x',
          { circuit: ID },
          { input: [] },
          { evaluation_data: {} },
          { circuit: ID, input: 1 },
        ]),
      });
  }
}

let dir: string;
let cert: ApiCertificate;
let api: ExternalApiServer;
let alice: Sr25519Signer;

beforeAll(async () => {
  await cryptoWaitReady();
  alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  dir = mkdtempSync(join(tmpdir(), 'sn2-api-fuzz-'));
  cert = await ensureApiCertificate(dir, { commonName: '127.0.0.1', keySize: 2048 });
  api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink: { submit: async (r) => ({ proof: r.hash, publicSignals: [] }) },
    catalog: { list: async () => circuits },
    permits: { validatorPermits: async () => [] },
    whitelistedPublicKeys: [alice.address],
    logger: silentLogger(),
    limits: {
      rpcBurst: 10_000,
      rpcPerSecond: 10_000,
      httpBurst: 10_000,
      maxSocketsPerIp: 64,
      upgradeBurst: 10_000,
      upgradePerSecond: 10_000,
    },
  });
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bounded fuzz pass', () => {
  it('answers 400 random frames with well-formed JSON-RPC (or silence) and keeps serving', async () => {
    const next = rng(0x5eed);
    const opened = await openRpc(
      api.port,
      cert.fingerprint,
      signAuthHeaders(alice, Math.floor(Date.now() / 1000)),
    );
    const ws = (opened as { ws: WebSocket }).ws;
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    for (let i = 0; i < 400; i++) ws.send(frame(next));
    const last = (await roundTrip(ws, { ...JSON.parse(VALID), id: 'last' }, 'last')) as {
      result: { success: boolean };
    };
    expect(last.result.success).toBe(true);
    for (const reply of replies.flat()) {
      const r = reply as Record<string, unknown>;
      expect(r.jsonrpc).toBe('2.0');
      expect('result' in r !== 'error' in r).toBe(true);
      if ('error' in r)
        expect([-32700, -32600, -32601, -32602, -32603, -32000, 9]).toContain(
          (r.error as { code: number }).code,
        );
    }
    expect(replies.length).toBeGreaterThan(100);
    await closeAndWait(ws);
  });

  it('refuses random auth headers with 4xx and survives raw garbage on the port', async () => {
    const next = rng(42);
    const junk = () =>
      Buffer.from(Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256))).toString(
        'latin1',
      );
    for (let i = 0; i < 30; i++) {
      const good = signAuthHeaders(alice, Math.floor(Date.now() / 1000));
      const key = (['x-timestamp', 'x-origin-ss58', 'x-signature', 'x-netuid'] as const)[i % 4];
      const value = junk().replace(/[^\x21-\x7e]/g, 'a') || 'a';
      const opened = await openRpc(api.port, cert.fingerprint, { ...good, [key]: value });
      expect(opened).toHaveProperty('status');
      expect([400, 401, 403]).toContain((opened as { status: number }).status);
    }
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const s = tcpConnect(api.port, '127.0.0.1', () => s.end(Buffer.from(junk(), 'latin1')));
        s.on('error', () => resolve());
        s.on('close', () => resolve());
      });
    }
    expect((await httpsGet(api.port, '/circuits', cert.fingerprint)).status).toBe(200);
  });
});
