import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type WebSocket from 'ws';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { RPC_METHODS } from '../../../core/validator/api/rpc-methods.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { ExternalCircuitInfo, ExternalProofRequest } from '../../../core/validator/api/types.js';
import { circuitInfo } from './circuit-info.js';
import { closeAndWait, openRpc, roundTrip } from './tls-client.js';
import { hostileValue, INHERITED_NAMES, rng, type Next } from '../../helpers/hostile-inputs.js';

const CASES = 10_000;
const ID = '3'.repeat(64);
const circuits: ExternalCircuitInfo[] = [circuitInfo(ID, { netuid: 2, weights_version: 1 })];
const KNOWN = Object.keys(RPC_METHODS);
const RPC_CODES = [-32700, -32600, -32601, -32602, -32603, -32000, 9];

let dir: string;
let cert: ApiCertificate;
let api: ExternalApiServer;
const seen: ExternalProofRequest[] = [];
const routes = new Set<string>();
let headers: () => Record<string, string>;

beforeAll(async () => {
  await cryptoWaitReady();
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  headers = () => signAuthHeaders(alice, Math.floor(Date.now() / 1000));
  dir = mkdtempSync(join(tmpdir(), 'sn2-api-hostile-'));
  cert = await ensureApiCertificate(dir, { commonName: '127.0.0.1', keySize: 2048 });
  api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink: {
      submit: async (r) => {
        seen.push(r);
        return { proof: r.hash, publicSignals: [] };
      },
    },
    catalog: { list: async () => circuits },
    permits: { validatorPermits: async () => [] },
    whitelistedPublicKeys: [alice.address],
    logger: silentLogger(),
    limits: { rpcBurst: 1e9, rpcPerSecond: 1e9, maxPending: 1e6, maxPendingPerOrigin: 1e6 },
    onRequest: (route) => routes.add(route),
  });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

function hostileMethod(next: Next): string {
  const r = next();
  if (r < 0.4) return INHERITED_NAMES[Math.floor(next() * INHERITED_NAMES.length)]!;
  if (r < 0.55) return KNOWN[Math.floor(next() * KNOWN.length)]!;
  if (r < 0.7)
    return `${KNOWN[Math.floor(next() * KNOWN.length)]!}${String.fromCharCode(33 + Math.floor(next() * 90))}`;
  return Array.from({ length: Math.floor(next() * 70) }, () =>
    String.fromCharCode(Math.floor(next() * 0x3000)),
  ).join('');
}

function hostileParams(next: Next): unknown {
  const r = next();
  if (r < 0.3) return { circuit: ID, input: hostileValue(next) };
  if (r < 0.4) return { circuit: ID, input: JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') };
  if (r < 0.5) return { evaluation_data: hostileValue(next), weights_version: hostileValue(next) };
  return hostileValue(next);
}

describe('validator external API: hostile JSON-RPC methods and params', () => {
  it('refuses an inherited property name as "Method not found" (it used to be taken for a method)', async () => {
    const ws = ((await openRpc(api.port, cert.fingerprint, headers())) as { ws: WebSocket }).ws;
    for (const method of INHERITED_NAMES) {
      const reply = await roundTrip(
        ws,
        { jsonrpc: '2.0', id: method, method, params: { circuit: ID, input: { a: 1 } } },
        method,
      );
      expect(reply, method).toMatchObject({ error: { code: -32601 } });
    }
    await closeAndWait(ws);
  });

  it(`answers ${CASES} hostile calls with typed JSON-RPC errors or results, keeps labels bounded`, async () => {
    const next = rng(0xa9);
    const ws = ((await openRpc(api.port, cert.fingerprint, headers())) as { ws: WebSocket }).ws;
    const replies: Array<Record<string, unknown>> = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d)) as Record<string, unknown>));
    for (let i = 0; i < CASES; i++) {
      ws.send(
        JSON.stringify({ jsonrpc: '2.0', id: i, method: hostileMethod(next), params: hostileParams(next) }),
      );
    }
    const last = await roundTrip(
      ws,
      { jsonrpc: '2.0', id: 'last', method: KNOWN[1], params: { circuit: ID, input: { a: 1 } } },
      'last',
    );
    expect(last).toMatchObject({ result: { success: true } });
    expect(replies.length).toBeGreaterThanOrEqual(CASES);
    for (const r of replies) {
      expect('result' in r !== 'error' in r).toBe(true);
      if ('error' in r) expect(RPC_CODES).toContain((r.error as { code: number }).code);
    }
    // Only requests for a method we serve reached the queue, and no caller's key became a prototype.
    for (const r of seen) {
      expect(['proof_of_weights', 'proof_of_computation']).toContain(r.kind);
      expect(Object.getPrototypeOf(r.inputs)).toBe(Object.prototype);
      expect((r.inputs as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(seen.length).toBeGreaterThan(100);
    const allowed = new Set(['ws:/rpc', 'rpc:unknown', 'rpc:invalid', ...KNOWN.map((m) => `rpc:${m}`)]);
    expect([...routes].filter((route) => !allowed.has(route))).toEqual([]);
    await closeAndWait(ws);
  }, 120_000);
});
