import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { devKey } from '../../../core/chain/devnet/dev-keys.js';
import { ChainClient, type ChainHealth } from '../../../core/chain/client.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { fetchMetagraph } from '../../../core/chain/metagraph.js';
import { burnedRegister, quoteBurnedRegister } from '../../../core/chain/actions/registration.js';
import { readAxon, serveAxon } from '../../../core/chain/actions/serve-axon.js';
import { readWeightCommits, revealWeights, submitWeights } from '../../../core/chain/actions/weights.js';
import { submitExtrinsic } from '../../../core/chain/submit.js';
import { DispatchFailedError, PreflightError, TransactionRejectedError } from '../../../core/chain/errors.js';
import { TAO } from '../../../core/chain/units.js';
import { WEIGHTS_VERSION } from '../../../core/sn2/constants.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from './devnet-fixture.js';

const VERSION = BigInt(WEIGHTS_VERSION);

const specPath = fixtureSpecPath();

describe.skipIf(!specPath)('chain client against a real subtensor runtime (devnet)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let client: ChainClient;
  let mark: number;
  const health: ChainHealth[] = [];

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 2, validators: 1 });
    client = await ChainClient.connect(devnet.endpoint, {
      healthIntervalMs: 0,
      onHealth: (h) => health.push(h),
    });
    mark = await devnet.head();
  });

  afterAll(async () => {
    await client?.close();
    await devnet?.close();
  });

  beforeEach(async () => {
    await devnet.setHead(mark);
  });

  const signer = (pair: Parameters<typeof chainSignerFromKey>[0]) =>
    chainSignerFromKey(pair, client.api.registry);

  it('connects, reports health and reads the metagraph through the runtime API', async () => {
    expect(
      health.some((h) => h.state === 'connected' && typeof h.latencyMs === 'number' && h.block! > 0),
    ).toBe(true);
    const mg = await fetchMetagraph(client.api, subnet.netuid);
    expect(mg.neurons.map((n) => n.uid)).toEqual([0, 1, 2, 3]);
    const vali = mg.neurons[subnet.validators[0].uid];
    expect(vali.hotkey).toBe(subnet.validators[0].hotkey.address);
    expect(vali.coldkey).toBe(subnet.validators[0].coldkey.address);
    expect(vali.validatorPermit).toBe(true);
    expect(vali.stakeRao).toBeGreaterThan(0n);
    expect(mg.neurons[subnet.miners[0].uid].validatorPermit).toBe(false);
    expect(mg.hyperparams).toMatchObject({
      tempo: 5,
      commitRevealEnabled: false,
      timelockedCommitReveal: false,
      subnetworkN: 4,
    });
  });

  it('registers a hotkey with burned_register after a confirmed quote', async () => {
    const bob = await devKey('//Bob');
    const hot = await devKey('//Bob//fresh');
    const quote = await quoteBurnedRegister(client.api, {
      netuid: subnet.netuid,
      hotkey: hot.address,
      coldkey: bob.address,
    });
    expect(quote.burnRao).toBeGreaterThan(0n);
    expect(quote.existingUid).toBeUndefined();
    await expect(
      burnedRegister(client.api, {
        netuid: subnet.netuid,
        hotkey: hot.address,
        coldkey: signer(bob),
        confirmBurnRao: quote.burnRao - 1n,
      }),
    ).rejects.toThrow(/^BurnIncreased/);
    const result = await burnedRegister(client.api, {
      netuid: subnet.netuid,
      hotkey: hot.address,
      coldkey: signer(bob),
      confirmBurnRao: quote.burnRao,
    });
    expect(result.uid).toBe(4);
    expect(result.burnedRao).toBe(quote.burnRao);
    expect(result.feeRao).toBeTypeOf('bigint');
    expect((await client.api.query.subtensorModule.uids(subnet.netuid, hot.address)).toJSON()).toBe(4);
  });

  it('serves the axon once, skips an identical update, and refuses addresses the chain rejects', async () => {
    const miner = signer(subnet.miners[0].hotkey);
    const first = await serveAxon(client.api, {
      netuid: subnet.netuid,
      hotkey: miner,
      ip: '10.0.0.1',
      port: 8091,
    });
    expect(first.submitted).toBe(true);
    expect(await readAxon(client.api, subnet.netuid, miner.address)).toMatchObject({
      ip: '10.0.0.1',
      port: 8091,
      ipType: 4,
      protocol: 4,
    });
    const again = await serveAxon(client.api, {
      netuid: subnet.netuid,
      hotkey: miner,
      ip: '10.0.0.1',
      port: 8091,
    });
    expect(again.submitted).toBe(false);
    await expect(
      serveAxon(client.api, { netuid: subnet.netuid, hotkey: miner, ip: '127.0.0.1', port: 8091 }),
    ).rejects.toThrow(PreflightError);
    // Bypassing the pre-check, the chain itself rejects it at submission (custom code 11).
    const raw = client.api.tx.subtensorModule.serveAxon(subnet.netuid, 1, 0x7f000001, 8091, 4, 4, 0, 0);
    const err = await submitExtrinsic(client.api, raw, miner).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionRejectedError);
    expect(err).toMatchObject({ reason: 'InvalidIpAddress', customCode: 11 });
  });

  it('sets weights and reads them back from storage', async () => {
    const vali = subnet.validators[0];
    const outcome = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: signer(vali.hotkey),
      uids: subnet.miners.map((m) => m.uid),
      weights: [0.25, 0.75],
      versionKey: VERSION,
    });
    expect(outcome).toMatchObject({ method: 'set_weights', values: [21845, 65535] });
    const stored = (await client.api.query.subtensorModule.weights(subnet.netuid, vali.uid)).toJSON();
    expect(stored).toEqual([
      [subnet.miners[0].uid, 21845],
      [subnet.miners[1].uid, 65535],
    ]);
  });

  it('decodes pallet errors: weights from a neuron without a validator permit', async () => {
    const miner = subnet.miners[0];
    const err = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: signer(miner.hotkey),
      uids: [subnet.miners[1].uid],
      weights: [1],
      versionKey: VERSION,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DispatchFailedError);
    expect(err).toMatchObject({ pallet: 'subtensorModule', error: 'NeuronNoValidatorPermit' });
    expect((err as Error).message).toMatch(/no validator permit/);
  });

  it('commits weights (CR v2) and reveals them in the window', async () => {
    const alice = await devKey('//Alice');
    const admin = client.api.tx.adminUtils;
    await submitExtrinsic(
      client.api,
      client.api.tx.sudo.sudo(admin.sudoSetCommitRevealWeightsEnabled(subnet.netuid, true)),
      signer(alice),
    );
    const vali = subnet.validators[0];
    const outcome = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: signer(vali.hotkey),
      uids: [subnet.miners[0].uid],
      weights: [1],
      versionKey: VERSION,
    });
    if (outcome.method !== 'commit') throw new Error(`expected a commit, got ${outcome.method}`);
    const [commit] = await readWeightCommits(client.api, subnet.netuid, vali.hotkey.address);
    expect(commit.hash).toBe(outcome.pending.hash);
    const [commitBlock, firstReveal] = commit.fields;
    expect(commitBlock).toBe(BigInt(outcome.block));
    await expect(revealWeights(client.api, signer(vali.hotkey), outcome.pending)).rejects.toMatchObject({
      error: 'RevealTooEarly',
    });
    const head = await devnet.head();
    if (Number(firstReveal) > head) await devnet.newBlocks(Number(firstReveal) - head);
    await revealWeights(client.api, signer(vali.hotkey), outcome.pending);
    expect((await client.api.query.subtensorModule.weights(subnet.netuid, vali.uid)).toJSON()).toEqual([
      [subnet.miners[0].uid, 65535],
    ]);
  });

  it('gives concurrent submissions from one key consecutive nonces', async () => {
    const alice = signer(await devKey('//Alice'));
    const dest = (await devKey('//Dave')).address;
    const before = (await client.api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const sends = [1n, 2n].map((n) =>
      submitExtrinsic(client.api, client.api.tx.balances.transferKeepAlive(dest, n * TAO), alice, {
        nonces: client.nonces,
      }),
    );
    const results = await Promise.all(sends);
    expect(results).toHaveLength(2);
    expect((await client.api.rpc.system.accountNextIndex(alice.address)).toNumber()).toBe(before + 2);
  });
});
