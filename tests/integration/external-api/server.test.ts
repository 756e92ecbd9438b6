import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type {
  ExternalCircuitInfo,
  ExternalProofRequest,
  ExternalRequestSink,
} from '../../../core/validator/api/types.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { httpsGet, openRpc, roundTrip } from './tls-client.js';

const POC = 'a'.repeat(64);
const SLOW = 'b'.repeat(64);
const FAILING = 'c'.repeat(64);
const POW = 'd'.repeat(64);

const circuit = (id: string, over: Partial<ExternalCircuitInfo> = {}): ExternalCircuitInfo => ({
  id,
  name: `circuit ${id.slice(0, 4)}`,
  description: 'test circuit',
  author: 'tests',
  version: '0.0.1',
  type: 'proof_of_computation',
  proof_system: 'CIRCOM',
  netuid: null,
  testnet_netuids: null,
  weights_version: null,
  input_schema: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
  ...over,
});

const circuits = [
  circuit(POC),
  circuit(SLOW, { timeout_s: 0.3 }),
  circuit(FAILING),
  circuit(POW, { type: 'proof_of_weights', netuid: 2, weights_version: 11002 }),
];

/** Stands in for the validator's queue: "proves" by hashing, and records what reached it. */
class RecordingSink implements ExternalRequestSink {
  readonly seen: ExternalProofRequest[] = [];
  async submit(req: ExternalProofRequest) {
    this.seen.push(req);
    if (req.circuitId === FAILING) throw new Error('no miner returned a valid proof');
    if (req.circuitId === SLOW)
      await new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));
    const digest = createHash('sha256').update(JSON.stringify(req.inputs)).digest('hex');
    return { proof: { pi_a: [digest] }, publicSignals: [req.circuitId, digest] };
  }
}

let dir: string;
let cert: ApiCertificate;
let api: ExternalApiServer;
const sink = new RecordingSink();
let alice: Sr25519Signer;
let bob: Sr25519Signer;
let charlie: Sr25519Signer;
const nowS = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((uri) => keyring.addFromUri(uri));
  dir = mkdtempSync(join(tmpdir(), 'sn2-api-'));
  cert = await ensureApiCertificate(dir, { commonName: '127.0.0.1', keySize: 2048 });
  api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink,
    catalog: { list: async () => circuits },
    permits: { validatorPermits: async (netuid) => (netuid === 2 ? [bob.address] : []) },
    whitelistedPublicKeys: [alice.address],
    logger: silentLogger(),
    // Every test caller comes from 127.0.0.1: the per-IP upgrade limit is lifted here (limits.test.ts keeps it).
    limits: { queueTimeS: 0, rpcBurst: 40, upgradeBurst: 10_000, upgradePerSecond: 10_000 },
  });
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connect(headers: Record<string, string>) {
  const opened = await openRpc(api.port, cert.fingerprint, headers);
  if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
  return opened.ws;
}

describe('GET /circuits', () => {
  it('lists every circuit with its input schema, in the upstream shape', async () => {
    const res = await httpsGet(api.port, '/circuits', cert.fingerprint);
    expect(res.status).toBe(200);
    const list = JSON.parse(res.body) as Array<Record<string, unknown>>;
    expect(list.map((c) => c.id)).toEqual(circuits.map((c) => c.id));
    expect(Object.keys(list[0]!)).toEqual([
      'id',
      'name',
      'description',
      'author',
      'version',
      'type',
      'proof_system',
      'netuid',
      'testnet_netuids',
      'weights_version',
      'input_schema',
    ]);
    expect(list[0]!.input_schema).toEqual(circuits[0]!.input_schema);
  });

  it('answers unknown routes with 404 and plain HTTP on /rpc with 426', async () => {
    expect((await httpsGet(api.port, '/nope', cert.fingerprint)).status).toBe(404);
    expect((await httpsGet(api.port, '/rpc', cert.fingerprint)).status).toBe(426);
  });
});

describe('authentication on connect', () => {
  it('accepts a whitelisted hotkey without x-netuid', async () => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    ws.close();
  });

  it('accepts a validator-permit holder on its netuid', async () => {
    const ws = await connect(signAuthHeaders(bob, nowS(), 2));
    ws.close();
  });

  it.each([
    ['a stale timestamp', () => signAuthHeaders(alice, nowS() - 301), 401],
    ['a timestamp far in the future', () => signAuthHeaders(alice, nowS() + 3600), 401],
    [
      'a signature by another key',
      () => ({
        ...signAuthHeaders(alice, nowS()),
        'x-signature': signAuthHeaders(bob, nowS())['x-signature']!,
      }),
      401,
    ],
    [
      'a signature over another timestamp',
      () => ({
        ...signAuthHeaders(alice, nowS()),
        'x-signature': signAuthHeaders(alice, nowS() - 1)['x-signature']!,
      }),
      401,
    ],
    [
      'a hex instead of base64 signature',
      () => ({ ...signAuthHeaders(alice, nowS()), 'x-signature': 'ab'.repeat(64) }),
      401,
    ],
    ['missing headers', () => ({}), 401],
    [
      'a bad ss58 origin',
      () => ({ ...signAuthHeaders(alice, nowS()), 'x-origin-ss58': '5notanaddress' }),
      401,
    ],
    ['no permit on the netuid', () => signAuthHeaders(charlie, nowS(), 2), 403],
    ['a permit on another netuid only', () => signAuthHeaders(bob, nowS(), 3), 403],
    ['not whitelisted and no netuid', () => signAuthHeaders(bob, nowS()), 403],
  ])('refuses %s', async (_case, headers, status) => {
    expect(await openRpc(api.port, cert.fingerprint, headers())).toEqual({ status });
  });
});

describe('JSON-RPC methods', () => {
  it('serves subnet-2.proof_of_computation through the sink, with the spec hash', async () => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    // Sent as text: a JS object literal would reorder the "2" key and write 1.0 as 1.
    const frame = `{"jsonrpc": "2.0", "id": 1, "method": "subnet-2.proof_of_computation",
      "params": {"circuit": "${POC}", "input": {"b": 1.0, "2": [1, 2], "nonce": 9}}}`;
    const reply = (await roundTrip(ws, frame)) as { id: number; result: Record<string, unknown> };
    ws.close();
    const expectedHash = createHash('sha256').update("{'b': 1.0, '2': [1, 2]}").digest('hex');
    expect(reply.id).toBe(1);
    expect(reply.result).toMatchObject({ hash: expectedHash, success: true });
    expect(reply.result.public_signals).toEqual([POC, expect.any(String)]);
    const seen = sink.seen.at(-1)!;
    expect(seen).toMatchObject({
      kind: 'proof_of_computation',
      circuitId: POC,
      origin: alice.address,
      hash: expectedHash,
    });
    expect(seen.inputs).toEqual({ b: 1, '2': [1, 2], nonce: 9 });
  });

  it('serves the omron.* aliases and proof_of_weights by netuid', async () => {
    const ws = await connect(signAuthHeaders(bob, nowS(), 2));
    const reply = (await roundTrip(ws, {
      jsonrpc: '2.0',
      id: 'w',
      method: 'omron.proof_of_weights',
      params: { evaluation_data: { maximum_score: [0.5] }, weights_version: 11002 },
    })) as { result: { public_signals: unknown[] } };
    ws.close();
    expect(reply.result.public_signals[0]).toBe(POW);
  });

  it('answers a timeout and a failed request with code 9', async () => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    const slow = await roundTrip(ws, {
      jsonrpc: '2.0',
      id: 2,
      method: 'subnet-2.proof_of_computation',
      params: { circuit: SLOW, input: {} },
    });
    const failing = await roundTrip(ws, {
      jsonrpc: '2.0',
      id: 3,
      method: 'subnet-2.proof_of_computation',
      params: { circuit: FAILING, input: {} },
    });
    ws.close();
    expect(slow).toEqual({
      jsonrpc: '2.0',
      id: 2,
      error: { code: 9, message: 'Request processing failed', data: 'Request timed out' },
    });
    expect(failing).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: 9, message: 'Request processing failed', data: 'no miner returned a valid proof' },
    });
  });

  it.each([
    ['not JSON', '{"jsonrpc":', null, -32700],
    ['an empty batch', '[]', null, -32600],
    ['a missing jsonrpc version', { id: 4, method: 'subnet-2.proof_of_computation' }, 4, -32600],
    ['an unknown method', { jsonrpc: '2.0', id: 5, method: 'subnet-2.nope' }, 5, -32601],
    [
      'positional params',
      { jsonrpc: '2.0', id: 6, method: 'subnet-2.proof_of_computation', params: [POC] },
      6,
      -32602,
    ],
    [
      'a missing input',
      { jsonrpc: '2.0', id: 7, method: 'subnet-2.proof_of_computation', params: { circuit: POC } },
      7,
      -32602,
    ],
    [
      'an unknown circuit',
      {
        jsonrpc: '2.0',
        id: 8,
        method: 'subnet-2.proof_of_computation',
        params: { circuit: 'e'.repeat(64), input: {} },
      },
      8,
      -32602,
    ],
    [
      'a PoW circuit asked for computation',
      { jsonrpc: '2.0', id: 9, method: 'subnet-2.proof_of_computation', params: { circuit: POW, input: {} } },
      9,
      -32602,
    ],
    [
      'PoW without x-netuid',
      { jsonrpc: '2.0', id: 10, method: 'subnet-2.proof_of_weights', params: { evaluation_data: { a: 1 } } },
      10,
      -32602,
    ],
    [
      'a non-integer weights_version',
      {
        jsonrpc: '2.0',
        id: 11,
        method: 'subnet-2.proof_of_weights',
        params: { evaluation_data: { a: 1 }, weights_version: '2' },
      },
      11,
      -32602,
    ],
  ])('answers %s with the right error code', async (_case, frame, id, code) => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    const reply = (await roundTrip(ws, frame)) as { id: unknown; error: { code: number } };
    ws.close();
    expect(reply.id).toBe(id);
    expect(reply.error.code).toBe(code);
  });

  it('answers each bad batch element on its own', async () => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    const reply = await roundTrip(ws, '[1, {"jsonrpc": "2.0", "id": 3, "method": "x"}]');
    ws.close();
    expect(reply).toEqual([
      {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request', data: 'a request must be a JSON object' },
      },
      { jsonrpc: '2.0', id: 3, error: { code: -32601, message: 'Method not found', data: 'x' } },
    ]);
  });

  it('answers a batch element by element and stays silent for notifications', async () => {
    const ws = await connect(signAuthHeaders(alice, nowS()));
    const reply = (await roundTrip(ws, [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'subnet-2.proof_of_computation',
        params: { circuit: POC, input: { a: 1 } },
      },
      { jsonrpc: '2.0', method: 'subnet-2.proof_of_computation', params: { circuit: POC, input: { a: 2 } } },
      { jsonrpc: '2.0', id: 2, method: 'nope' },
    ])) as Array<{ id: number }>;
    ws.close();
    expect(reply.map((r) => r.id)).toEqual([1, 2]);
  });
});
