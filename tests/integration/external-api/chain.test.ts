import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { SettingsSchema } from '../../../core/service/contract/index.js';
import { silentLogger } from '../../../core/service/logger.js';
import { startExternalApi } from '../../../core/validator/api/start-external-api.js';
import { readCommitment } from '../../../core/validator/api/certificate-commitment.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { closeAndWait, openRpc } from './tls-client.js';

const specPath = fixtureSpecPath();

describe.skipIf(!specPath)('external API against a real subtensor runtime (devnet)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let dir: string;

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 1, validators: 1 });
    dir = mkdtempSync(join(tmpdir(), 'sn2-api-chain-'));
  });

  afterAll(async () => {
    await devnet?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = () =>
    startExternalApi({
      settings: SettingsSchema.parse({ version: 1 }).validator.externalApi,
      certDir: dir,
      externalIp: '127.0.0.1',
      api: devnet.api,
      hotkey: chainSignerFromKey(subnet.validators[0]!.hotkey, devnet.api.registry),
      netuid: subnet.netuid,
      testnet: false,
      sink: { submit: async () => ({ proof: 'p', publicSignals: [] }) },
      catalog: { list: async () => [] },
      logger: silentLogger(),
      overrides: { host: '127.0.0.1', port: 0, keySize: 2048 },
    });

  it('commits the certificate fingerprint once, and not again while it is unchanged', async () => {
    const first = await start();
    await first.server.close();
    expect(first.committed).toBe(true);
    expect(await readCommitment(devnet.api, subnet.netuid, subnet.validators[0]!.hotkey.address)).toBe(
      first.certificate.fingerprint,
    );
    const second = await start();
    await second.server.close();
    expect(second.certificate.fingerprint).toBe(first.certificate.fingerprint);
    expect(second.committed).toBe(false);
  });

  it('admits callers by the validator permits on chain', async () => {
    const { server, certificate } = await start();
    try {
      const now = Math.floor(Date.now() / 1000);
      const validator = await openRpc(
        server.port,
        certificate.fingerprint,
        signAuthHeaders(subnet.validators[0]!.hotkey, now, subnet.netuid),
      );
      expect(validator).toHaveProperty('ws');
      if ('ws' in validator) await closeAndWait(validator.ws);
      const miner = await openRpc(
        server.port,
        certificate.fingerprint,
        signAuthHeaders(subnet.miners[0]!.hotkey, now, subnet.netuid),
      );
      expect(miner).toEqual({ status: 403 });
    } finally {
      await server.close();
    }
  });
});
