import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, sr25519Verify } from '@polkadot/util-crypto';
import { silentLogger } from '../../../core/contract/logger.js';
import { ProofPublisher, type PublishableProof } from '../../../core/validator/publishing/proof-publisher.js';
import {
  proofStorageUrl,
  MAINNET_PROOF_STORAGE_URL,
} from '../../../core/validator/publishing/publish-url.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';

/** A proof-storage service that checks the spec §12 signature and can be told to fail. */
interface Received {
  path: string;
  body: unknown;
  signatureOk: boolean;
}
let server: Server;
let url: string;
const received: Received[] = [];
let failures: number[] = [];

function verified(req: IncomingMessage): boolean {
  const ts = String(req.headers['x-timestamp']);
  const sig = String(req.headers['x-signature']);
  const origin = String(req.headers['x-origin-ss58']);
  if (!/^[0-9a-f]{128}$/.test(sig)) return false;
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  return sr25519Verify(stringToU8a(ts), hexToU8a(`0x${sig}`), decodeAddress(origin));
}

let signer: Sr25519Signer;
const item = (n: number): PublishableProof => ({
  circuitId: '4a87c995300f4e9ad9add9d5b800eb93bb3ecd3f9459b617f9924a211407a88c',
  requestHash: `hash-${n}`,
  minerUid: n,
  proof: { pi_a: ['1', '2', '1'], protocol: 'groth16' },
  publicSignals: ['7', '8'],
});

beforeAll(async () => {
  await cryptoWaitReady();
  signer = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const signatureOk = verified(req);
      received.push({ path: req.url ?? '', body: JSON.parse(text), signatureOk });
      const status = failures.shift() ?? (signatureOk ? 200 : 401);
      res.writeHead(status).end(status === 200 ? '{"ok":true}' : 'nope');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}//proof`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('ProofPublisher', () => {
  it('posts the spec body with a valid hex signature, retrying 5xx/429 with back-off, without blocking', async () => {
    received.length = 0;
    failures = [503, 429];
    const publisher = new ProofPublisher({ url, signer, logger: silentLogger(), baseDelayMs: 20 });
    // publish() is synchronous: it returns before the service has seen anything.
    expect(publisher.publish(item(1))).toBe(true);
    expect(received).toHaveLength(0);
    expect(publisher.pending).toBe(1);
    await publisher.idle();
    expect(received).toHaveLength(3);
    expect(received.every((r) => r.signatureOk && r.path === '//proof')).toBe(true);
    expect(received[2]!.body).toEqual({
      proof: {
        public_signals: ['7', '8'],
        proof: { pi_a: ['1', '2', '1'], protocol: 'groth16' },
        metadata: { circuit: item(1).circuitId, request_hash: 'hash-1', miner_uid: 1 },
      },
    });
    expect(publisher.published).toBe(1);
    await publisher.close();
  });

  it('drops a proof the service refuses with a 4xx, and goes on with the next', async () => {
    received.length = 0;
    failures = [400];
    const publisher = new ProofPublisher({ url, signer, logger: silentLogger(), baseDelayMs: 20 });
    publisher.publish(item(2));
    publisher.publish(item(3));
    await publisher.idle();
    expect(
      received.map(
        (r) => (r.body as { proof: { metadata: { miner_uid: number } } }).proof.metadata.miner_uid,
      ),
    ).toEqual([2, 3]);
    expect([publisher.published, publisher.dropped]).toEqual([1, 1]);
    await publisher.close();
  });

  it('gives up after maxAttempts on an unreachable service and bounds its queue', async () => {
    const publisher = new ProofPublisher({
      url: 'http://127.0.0.1:9/proof',
      signer,
      logger: silentLogger(),
      baseDelayMs: 5,
      maxAttempts: 2,
      maxQueue: 2,
    });
    for (let n = 0; n < 5; n++) publisher.publish(item(n));
    await publisher.idle();
    expect(publisher.published).toBe(0);
    expect(publisher.dropped).toBe(5);
    await publisher.close();
    expect(publisher.publish(item(9))).toBe(false);
  });
});

describe('proofStorageUrl', () => {
  it('uses the env override, then the setting, then the mainnet default', () => {
    expect(proofStorageUrl('finney', undefined, {})).toBe(MAINNET_PROOF_STORAGE_URL);
    expect(proofStorageUrl('test', 'https://x.example/proof', {})).toBe('https://x.example/proof');
    expect(
      proofStorageUrl('finney', 'https://x.example/proof', { SUBNET_2_PPS_URL: 'http://127.0.0.1:1/p' }),
    ).toBe('http://127.0.0.1:1/p');
    expect(() => proofStorageUrl('test', undefined, {})).toThrow(/needs a URL/);
  });
});
