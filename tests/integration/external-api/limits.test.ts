import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import WebSocket from 'ws';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import type { ExternalCircuitInfo, ExternalProofRequest } from '../../../core/validator/api/types.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { circuitInfo } from './circuit-info.js';
import { closeAndWait, openRpc, roundTrip, httpsGet, pinTo } from './tls-client.js';

const HELD = 'f'.repeat(64);
const FAST = '1'.repeat(64);
const circuits: ExternalCircuitInfo[] = [HELD, FAST].map((id) => circuitInfo(id));

/** Requests for HELD wait until the test releases them (or they are aborted). */
const held: Array<() => void> = [];
const sink = {
  submit: (req: ExternalProofRequest) =>
    new Promise<{ proof: unknown; publicSignals: unknown }>((resolve, reject) => {
      if (req.circuitId === FAST) return resolve({ proof: 'p', publicSignals: ['1'] });
      held.push(() => resolve({ proof: 'p', publicSignals: [] }));
      req.signal.addEventListener('abort', () => reject(req.signal.reason));
    }),
};

const logLines: Array<{ reason?: string; msg: string }> = [];
const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

let dir: string;
let cert: ApiCertificate;
let api: ExternalApiServer;
let alice: Sr25519Signer;
let bob: Sr25519Signer;
const headers = (who: Sr25519Signer) => signAuthHeaders(who, Math.floor(Date.now() / 1000));
const poc = (id: number, circuit: string) => ({
  jsonrpc: '2.0',
  id,
  method: 'subnet-2.proof_of_computation',
  params: { circuit, input: { n: id } },
});

async function connect(who: Sr25519Signer): Promise<WebSocket> {
  const opened = await openRpc(api.port, cert.fingerprint, headers(who));
  if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
  return opened.ws;
}

beforeAll(async () => {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  [alice, bob] = ['//Alice', '//Bob'].map((uri) => keyring.addFromUri(uri));
  dir = mkdtempSync(join(tmpdir(), 'sn2-api-limits-'));
  cert = await ensureApiCertificate(dir, { commonName: '127.0.0.1', keySize: 2048 });
  api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink,
    catalog: { list: async () => circuits },
    permits: { validatorPermits: async () => [] },
    whitelistedPublicKeys: [alice.address, bob.address],
    logger,
    limits: {
      maxMessageBytes: 2048,
      maxSocketsPerIp: 4,
      rpcPerSecond: 0.01,
      rpcBurst: 2,
      maxPendingPerOrigin: 1,
      httpPerSecond: 0.01,
      httpBurst: 2,
      idleTimeoutMs: 1500,
    },
  });
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hard limits', () => {
  it('closes a socket that sends a message over the size limit (1009)', async () => {
    const ws = await connect(alice);
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(JSON.stringify({ ...poc(1, FAST), pad: 'x'.repeat(4096) }));
    expect(await closed).toBe(1009);
    await closeAndWait(ws);
  });

  it('refuses a second pending request of the same hotkey, then the rate limit', async () => {
    const ws = await connect(bob);
    const first = roundTrip(ws, poc(1, HELD), 1);
    await new Promise((r) => setTimeout(r, 50));
    const second = (await roundTrip(ws, poc(2, FAST), 2)) as { error: { code: number; data: string } };
    expect(second.error).toMatchObject({ code: -32000, data: 'too many requests waiting for proofs' });
    held.shift()!();
    expect(await first).toMatchObject({ id: 1, result: { success: true } });
    const third = (await roundTrip(ws, poc(3, FAST), 3)) as { error: { code: number; data: string } };
    expect(third.error).toMatchObject({ code: -32000, data: 'rate limit for this hotkey' });
    await closeAndWait(ws);
  });

  it('refuses sockets beyond the per-IP limit without affecting open ones', async () => {
    const open = await Promise.all([alice, alice, alice, alice].map(connect));
    const fifth = new WebSocket(`wss://127.0.0.1:${api.port}/rpc`, {
      headers: headers(alice),
      ...pinTo(cert.fingerprint),
    });
    await expect(new Promise((_, reject) => fifth.once('error', reject))).rejects.toThrow();
    await Promise.all(open.map(closeAndWait));
  });

  it('rate-limits plain HTTP routes per IP with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await httpsGet(api.port, '/circuits', cert.fingerprint)).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2)).toEqual([429, 429]);
  });

  it('closes a socket that sends a binary frame (1003)', async () => {
    const ws = await connect(alice);
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(Buffer.from([1, 2, 3]));
    expect(await closed).toBe(1003);
    await closeAndWait(ws);
  });

  it('closes a socket that stops answering pings, keeps one that answers', async () => {
    const silent = new WebSocket(`wss://127.0.0.1:${api.port}/rpc`, {
      headers: headers(alice),
      autoPong: false,
      ...pinTo(cert.fingerprint),
    });
    await new Promise((resolve) => silent.once('open', resolve));
    const alive = await connect(alice);
    await new Promise<void>((resolve) => silent.once('close', () => resolve()));
    expect(alive.readyState).toBe(alive.OPEN);
    await closeAndWait(alive);
  });

  it('logs every rejection with its reason', () => {
    const reasons = logLines.filter((l) => l.msg === 'external api: rejected').map((l) => l.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Too many requests: too many requests waiting for proofs',
        'WebSocket error: Max payload size exceeded',
        'Too many requests: rate limit for this hotkey',
        'too many sockets from this IP',
        'HTTP rate limit',
        'binary frame on /rpc',
        'idle WebSocket closed',
      ]),
    );
    expect(reasons.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
  });
});
