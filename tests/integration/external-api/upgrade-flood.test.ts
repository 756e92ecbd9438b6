import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '../../../core/chain/signed-extensions.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { chainPermitSource } from '../../../core/validator/api/chain-permits.js';
import type { ExternalApiLimits } from '../../../core/validator/api/limits.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { closeAndWait, openRpc } from './tls-client.js';

const specPath = fixtureSpecPath();

/** Counts every JSON-RPC request the validator's chain client sends to the devnet. */
class CountingProvider extends WsProvider {
  sent = 0;
  override send<T>(...args: Parameters<WsProvider['send']>): Promise<T> {
    this.sent++;
    return super.send<T>(...args);
  }
}

/**
 * A flood of WebSocket upgrades from freshly generated keys naming subnets that do not exist: each one
 * used to cost a metagraph read on the chain. Counted on a real subtensor runtime.
 */
describe.skipIf(!specPath)('external API upgrade flood against a real subtensor runtime (devnet)', () => {
  let devnet: Devnet;
  let provider: CountingProvider;
  let api: ApiPromise;
  let certificate: ApiCertificate;
  let dir: string;
  const keyring = new Keyring({ type: 'sr25519' });

  beforeAll(async () => {
    await cryptoWaitReady();
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    provider = new CountingProvider(devnet.endpoint);
    api = await ApiPromise.create({
      provider,
      noInitWarn: true,
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
    });
    dir = mkdtempSync(join(tmpdir(), 'sn2-api-flood-'));
    certificate = await ensureApiCertificate(join(dir, 'cert'), { commonName: '127.0.0.1', keySize: 2048 });
  });

  afterAll(async () => {
    await api?.disconnect();
    await devnet?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `count` upgrade attempts, 8 at a time, each from a new key; the statuses seen. */
  async function flood(limits: Partial<ExternalApiLimits>, count: number, netuid: () => number) {
    const server = await ExternalApiServer.start({
      host: '127.0.0.1',
      port: 0,
      tls: certificate,
      sink: { submit: async () => ({ proof: 'p', publicSignals: [] }) },
      catalog: { list: async () => [] },
      permits: { validatorPermits: (n) => (lookups++, permits.validatorPermits(n)) },
      whitelistedPublicKeys: [],
      logger: silentLogger(),
      limits,
    });
    const permits = chainPermitSource(api);
    let lookups = 0;
    const statuses = new Map<number, number>();
    const before = provider.sent;
    try {
      for (let done = 0; done < count; done += 8) {
        const batch = Array.from({ length: Math.min(8, count - done) }, async () => {
          const key = keyring.addFromSeed(randomBytes(32));
          const headers = signAuthHeaders(key, Math.floor(Date.now() / 1000), netuid());
          const opened = await openRpc(server.port, certificate.fingerprint, headers);
          if ('ws' in opened) {
            await closeAndWait(opened.ws);
            return 101;
          }
          return opened.status;
        });
        for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    } finally {
      await server.close();
    }
    return { statuses, lookups, rpcRequests: provider.sent - before };
  }

  it('1,000 upgrades from fresh keys and random unknown netuids cost a handful of chain queries', async () => {
    const { statuses, lookups, rpcRequests } = await flood({}, 1000, () => randomInt(1000, 65536));
    console.info(`1,000 upgrades: ${lookups} permit lookups, ${rpcRequests} RPC requests`, statuses);
    expect(statuses.get(101)).toBeUndefined();
    expect(statuses.get(429)).toBeGreaterThan(900);
    // A lookup is one metagraph read (~18 RPC requests on spec 293).
    expect(lookups).toBeLessThanOrEqual(10);
    expect(rpcRequests).toBeLessThanOrEqual(10 * 25);
  }, 300_000);

  it('with the per-IP limit lifted, a subnet that does not exist is looked up once, not per upgrade', async () => {
    const lifted = { upgradePerSecond: 1e6, upgradeBurst: 1e6, maxSocketsPerIp: 64 };
    const { statuses, lookups, rpcRequests } = await flood(lifted, 200, () => 4242);
    console.info(
      `200 upgrades, one unknown netuid: ${lookups} lookups, ${rpcRequests} RPC requests`,
      statuses,
    );
    expect(statuses.get(101)).toBeUndefined();
    expect([...statuses.keys()].every((s) => s === 503 || s === 403)).toBe(true);
    expect(lookups).toBe(1);
  }, 300_000);
});
