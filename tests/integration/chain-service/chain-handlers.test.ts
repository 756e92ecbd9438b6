import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { devKey } from '../../../core/chain/devnet/dev-keys.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { submitExtrinsic } from '../../../core/chain/submit.js';
import { fetchMetagraph } from '../../../core/chain/metagraph.js';
import { TAO } from '../../../core/chain/units.js';
import { createHotkey, createWallet } from '../../../core/bittensor/wallet/index.js';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import type { SignerPayloadJSON } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';

const specPath = fixtureSpecPath();

const PASSWORD = 'correct horse battery staple';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A loopback TCP relay to `port` that can be cut, as a node going away would. */
async function tcpProxy(port: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The chain.* commands through CoreService.invoke against a real subtensor runtime. One devnet for the
 * file, rewound before each test; a fresh CoreService per test (its nonce and metagraph caches would
 * otherwise remember the rewound future).
 */
describe.skipIf(!specPath)('chain.* commands against a devnet', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let mark: number;
  let dir: string;
  let core: CoreService;
  const addresses = { registeredHot: '', freshHot: '', freshCold: '' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sn2-chain-service-'));
    const wallets = join(dir, 'wallets');
    const fresh = await createWallet({ path: wallets, name: 'fresh', hotkey: 'default', password: PASSWORD });
    const registered = await createHotkey({ path: wallets, name: 'registered', hotkey: 'default' });
    addresses.freshHot = fresh.hotkey.keypair.address;
    addresses.freshCold = fresh.coldkey.keypair.address;
    addresses.registeredHot = registered.keypair.address;
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, {
      tempo: 5,
      miners: 0,
      validators: 0,
      extraMinerHotkeys: [addresses.registeredHot],
    });
    const alice = await devKey('//Alice');
    await submitExtrinsic(
      devnet.api,
      devnet.api.tx.balances.transferKeepAlive(addresses.freshCold, 100n * TAO),
      chainSignerFromKey(alice, devnet.api.registry),
    );
    mark = await devnet.head();
  });

  afterAll(async () => {
    await devnet?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const service = async (wallet: string, endpoint = devnet.endpoint) => {
    const svc = new CoreService({ dataDir: mkdtempSync(join(dir, 'home-')), logger: silentLogger() });
    await svc.invoke('settings.update', {
      network: 'custom',
      chainEndpoint: endpoint,
      netuid: subnet.netuid,
      wallet: { path: join(dir, 'wallets'), name: wallet, hotkey: 'default' },
    });
    return svc;
  };

  beforeEach(async () => {
    await devnet.setHead(mark);
    core = await service('fresh');
  });

  afterEach(async () => {
    await core.close();
  });

  const burn = async () => BigInt((await devnet.api.query.subtensorModule.burn(subnet.netuid)).toString());
  const uidOnChain = async (hotkey: string) =>
    (await fetchMetagraph(devnet.api, subnet.netuid)).neurons.find((n) => n.hotkey === hotkey)?.uid;

  it('explains why an unregistered hotkey has no standing', async () => {
    const standing = await core.invoke('chain.standing', {});
    expect(standing).toMatchObject({
      registered: false,
      hotkey: addresses.freshHot,
      netuid: subnet.netuid,
      network: 'custom',
    });
    expect(standing.explanations.join(' ')).toMatch(
      new RegExp(`not registered on netuid ${subnet.netuid}: register it \\(costs [\\d.]+ TAO now\\)`),
    );
  });

  it('reports the uid of a registered hotkey and why its numbers are zero', async () => {
    const reg = await service('registered');
    try {
      const standing = await reg.invoke('chain.standing', {});
      expect(standing).toMatchObject({
        registered: true,
        uid: subnet.extraMiners[addresses.registeredHot],
        hotkey: addresses.registeredHot,
        incentive: 0,
        emission: 0,
      });
      const why = standing.explanations.join('\n');
      expect(why).toMatch(/no axon is announced on chain/);
      expect(why).toMatch(/incentive is 0/);
    } finally {
      await reg.close();
    }
  });

  it('quotes the live burn and the balance of the wallet coldkey or of another account', async () => {
    const cost = await core.invoke('chain.registrationCost', {});
    expect(cost).toEqual({
      netuid: subnet.netuid,
      hotkey: addresses.freshHot,
      feeTao: expect.any(Number),
      burnRao: (await burn()).toString(),
      burnTao: Number(await burn()) / 1e9,
      balanceTao: 100,
    });
    const bob = await devKey('//Bob');
    const forBob = await core.invoke('chain.registrationCost', { coldkey: bob.address });
    expect(forBob.balanceTao).toBeGreaterThan(1000);
    const fee = await devnet.api.tx.subtensorModule
      .burnedRegister(subnet.netuid, addresses.freshHot)
      .paymentInfo(addresses.freshCold);
    expect(cost.feeTao).toBe(Number(fee.partialFee.toString()) / 1e9);
  });

  it('registers with the coldkey password and the confirmed burn; the uid is in the metagraph', async () => {
    const cost = await core.invoke('chain.registrationCost', {});
    const result = await core.invoke('chain.register', { password: PASSWORD, confirmBurnRao: cost.burnRao });
    expect(result.burnedRao).toBe(cost.burnRao);
    expect(await uidOnChain(addresses.freshHot)).toBe(result.uid);
    const standing = await core.invoke('chain.standing', {});
    expect(standing).toMatchObject({ registered: true, uid: result.uid });
  });

  it('refuses a wrong password and sends nothing', async () => {
    const cost = await core.invoke('chain.registrationCost', {});
    await expect(
      core.invoke('chain.register', { password: 'not it', confirmBurnRao: cost.burnRao }),
    ).rejects.toThrow(/password/i);
    expect(await uidOnChain(addresses.freshHot)).toBeUndefined();
  });

  it('refuses a confirmation made before the burn went up', async () => {
    const cost = await core.invoke('chain.registrationCost', {});
    // The runtime only moves Burn at its adjustment interval: write the new price into a fresh head
    // block (so the rewind before the next test discards it).
    await devnet.newBlocks(1);
    const api = devnet.api;
    const raised = u8aToHex(api.createType('u64', BigInt(cost.burnRao) * 2n).toU8a());
    await api.rpc('dev_setStorage', [[api.query.subtensorModule.burn.key(subnet.netuid), raised]]);
    expect(await burn()).toBe(BigInt(cost.burnRao) * 2n);
    await expect(
      core.invoke('chain.register', { password: PASSWORD, confirmBurnRao: cost.burnRao }),
    ).rejects.toThrow(
      `BurnIncreased: the price changed: registration now costs ${cost.burnTao * 2} TAO (${BigInt(cost.burnRao) * 2n} rao), more than the ${cost.burnTao} TAO you confirmed; confirm the new price`,
    );
    expect(await uidOnChain(addresses.freshHot)).toBeUndefined();
  });

  describe('signed outside the core (browser extension)', () => {
    const sign = async (uri: string, payload: SignerPayloadJSON) => {
      const key = await devKey(uri);
      return (await chainSignerFromKey(key, devnet.api.registry).signer.signPayload!(payload)).signature;
    };

    it('prepares the payload for //Bob, takes the signature and registers the wallet hotkey', async () => {
      const bob = await devKey('//Bob');
      const cost = await core.invoke('chain.registrationCost', { coldkey: bob.address });
      const prepared = await core.invoke('chain.prepareRegister', {
        coldkey: bob.address,
        confirmBurnRao: cost.burnRao,
      });
      expect(prepared.payload.address).toBe(bob.address);
      expect(prepared.burnRao).toBe(cost.burnRao);
      expect(prepared.validUntilBlock).toBeGreaterThan(await devnet.head());
      const signature = await sign('//Bob', prepared.payload as SignerPayloadJSON);
      const result = await core.invoke('chain.submitSigned', { requestId: prepared.requestId, signature });
      expect(result).toMatchObject({ action: 'register', burnedRao: cost.burnRao });
      expect(await uidOnChain(addresses.freshHot)).toBe(result.uid);
      const coldkey = (await fetchMetagraph(devnet.api, subnet.netuid)).neurons[result.uid].coldkey;
      expect(coldkey).toBe(bob.address);
      await expect(
        core.invoke('chain.submitSigned', { requestId: prepared.requestId, signature }),
      ).rejects.toThrow(/unknown or was already used/);
    });

    it('rejects a signature from another account before submitting', async () => {
      const bob = await devKey('//Bob');
      const cost = await core.invoke('chain.registrationCost', { coldkey: bob.address });
      const prepared = await core.invoke('chain.prepareRegister', {
        coldkey: bob.address,
        confirmBurnRao: cost.burnRao,
      });
      const signature = await sign('//Charlie', {
        ...(prepared.payload as SignerPayloadJSON),
        address: (await devKey('//Charlie')).address,
      });
      await expect(
        core.invoke('chain.submitSigned', { requestId: prepared.requestId, signature }),
      ).rejects.toThrow(/signature is not valid for .* over this transaction/);
      expect(await uidOnChain(addresses.freshHot)).toBeUndefined();
    });

    it('refuses a signed payload whose nonce the account has used meanwhile', async () => {
      const bob = await devKey('//Bob');
      const cost = await core.invoke('chain.registrationCost', { coldkey: bob.address });
      const prepared = await core.invoke('chain.prepareRegister', {
        coldkey: bob.address,
        confirmBurnRao: cost.burnRao,
      });
      const signature = await sign('//Bob', prepared.payload as SignerPayloadJSON);
      await submitExtrinsic(
        devnet.api,
        devnet.api.tx.balances.transferKeepAlive(addresses.freshCold, TAO),
        chainSignerFromKey(bob, devnet.api.registry),
      );
      await expect(
        core.invoke('chain.submitSigned', { requestId: prepared.requestId, signature }),
      ).rejects.toThrow(/nonce moved on/);
    });

    it('checks the price before preparing', async () => {
      const bob = await devKey('//Bob');
      await expect(
        core.invoke('chain.prepareRegister', { coldkey: bob.address, confirmBurnRao: '1' }),
      ).rejects.toThrow(/BurnIncreased/);
    });
  });

  it('says plainly when the endpoint is down', async () => {
    const down = await service('fresh', `ws://127.0.0.1:${await closedPort()}`);
    try {
      await expect(down.invoke('chain.registrationCost', {})).rejects.toThrow(
        /cannot reach the chain at ws:\/\/127\.0\.0\.1:\d+/,
      );
    } finally {
      await down.close();
    }
  });

  it('says plainly when the endpoint goes away after connecting', async () => {
    const proxy = await tcpProxy(devnet.port);
    const viaProxy = await service('fresh', `ws://127.0.0.1:${proxy.port}`);
    try {
      await viaProxy.invoke('chain.registrationCost', {});
      await proxy.close();
      await expect(viaProxy.invoke('chain.registrationCost', {})).rejects.toThrow(
        /^cannot reach the chain at ws:\/\/127\.0\.0\.1:\d+: the connection was lost; reconnecting in the background, try again in a moment$/,
      );
    } finally {
      await viaProxy.close();
    }
  });
});
