import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { devKey } from '../../../core/chain/devnet/dev-keys.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { submitExtrinsic } from '../../../core/chain/submit.js';
import { TAO } from '../../../core/chain/units.js';
import { createWallet } from '../../../core/bittensor/wallet/index.js';
import { subnetEconomics } from '../../../core/economics/index.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';

const specPath = fixtureSpecPath();
if (!specPath)
  console.warn('skipping economics devnet tests: subtensor fixture not found (set SUBTENSOR_SPEC)');

const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';

/** `node bin/sn2.mjs …` without a terminal: exit code, stdout, stderr. */
async function sn2(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/sn2.mjs', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** numpy.percentile(linear), written again here so the test does not trust the module's. */
function numpyPercentile(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const k = ((xs.length - 1) * p) / 100;
  const f = Math.floor(k);
  const c = Math.min(f + 1, xs.length - 1);
  return xs[f] + (xs[c] - xs[f]) * (k - f);
}

/** The figures computed from raw storage items only (no runtime API, no module code). */
async function fromRawStorage(api: ApiPromise, netuid: number) {
  const head = await api.rpc.chain.getHeader();
  const at = await api.at(head.hash);
  const a = at.query.subtensorModule;
  const [emission, incentives, permits, alphaIn, taoIn, alphaOut, cut, burn, immunity, tempo, slot] =
    await Promise.all([
      a.emission(netuid),
      a.incentive(netuid),
      a.validatorPermit(netuid),
      a.subnetAlphaIn(netuid),
      a.subnetTAO(netuid),
      a.subnetAlphaOutEmission(netuid),
      a.subnetOwnerCut(),
      a.burn(netuid),
      a.immunityPeriod(netuid),
      a.tempo(netuid),
      api.rpc.state.call('AuraApi_slot_duration', '0x', head.hash),
    ]);
  const blockSeconds = Number(api.createType('u64', slot).toBigInt()) / 1000;
  const epochsPerDay = 86_400 / blockSeconds / (Number(tempo.toString()) + 1);
  const perEpoch = (emission.toJSON() as number[]).map((rao) => rao / 1e9);
  const permit = permits.toJSON() as boolean[];
  const incentive = incentives.toJSON() as number[];
  // a miner: no validator permit, or paid incentive
  const miners = perEpoch.filter((_, uid) => incentive[uid] > 0 || !permit[uid]);
  const minersPerDay = miners.map((x) => x * epochsPerDay);
  const price = Number(taoIn.toString()) / Number(alphaIn.toString());
  return {
    block: head.number.toNumber(),
    blockSeconds,
    epochsPerDay,
    price,
    minersPerDay,
    minersPerEpochSum: miners.reduce((sum, x) => sum + x, 0),
    alphaOutPerBlock: Number(alphaOut.toString()) / 1e9,
    ownerCut: Number(cut.toString()) / 65535,
    burnRao: burn.toString(),
    immunity: Number(immunity.toString()),
    tempo: Number(tempo.toString()),
  };
}

/**
 * The economics module against a real subtensor runtime: a subnet with a validator and three miners,
 * weights that pay two of them unequally and one nothing, epochs run. One devnet for the file,
 * rewound before each test.
 */
describe.skipIf(!specPath)('economics on a devnet', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let mark: number;
  let dir: string;
  let user: { hot: string; cold: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sn2-economics-'));
    const w = await createWallet({ path: dir, name: 'w', hotkey: 'h', password: PASSWORD });
    user = { hot: w.hotkey.keypair.address, cold: w.coldkey.keypair.address };
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 3, validators: 1 });
    const { api } = devnet;
    const alice = await devKey('//Alice');
    await submitExtrinsic(
      api,
      api.tx.balances.transferKeepAlive(user.cold, 50n * TAO),
      chainSignerFromKey(alice, api.registry),
    );
    const vali = subnet.validators[0];
    const [m0, m1] = subnet.miners;
    const version = await api.query.subtensorModule.weightsVersionKey(subnet.netuid);
    await submitExtrinsic(
      api,
      api.tx.subtensorModule.setWeights(subnet.netuid, [m0.uid, m1.uid], [65535, 21845], version),
      chainSignerFromKey(vali.hotkey, api.registry),
    );
    await devnet.newBlocks(2 * (subnet.tempo + 1) + 1);
    mark = await devnet.head();
  }, 300_000);

  afterAll(async () => {
    await devnet?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await devnet.setHead(mark);
  });

  it('reports the figures that raw storage gives', async () => {
    const raw = await fromRawStorage(devnet.api, subnet.netuid);
    const { report: r } = await subnetEconomics(devnet.api, subnet.netuid);
    expect(r.block).toBe(raw.block);
    expect(r.blockSeconds).toBe(raw.blockSeconds);
    expect(r.tempo).toBe(raw.tempo);
    expect(r.price.taoPerAlpha).toBeCloseTo(raw.price, 12);
    expect(r.emission.subnetAlphaPerBlock).toBeCloseTo(raw.alphaOutPerBlock, 9);
    expect(r.emission.ownerCut).toBeCloseTo(raw.ownerCut, 12);
    expect(r.emission.minersAlphaPerDay).toBeCloseTo(
      raw.alphaOutPerBlock * (86_400 / raw.blockSeconds) * (1 - raw.ownerCut) * 0.5,
      6,
    );
    expect(r.emission.paidLastEpochAlphaPerDay).toBeCloseTo(raw.minersPerEpochSum * raw.epochsPerDay, 6);
    // three miners: two paid unequally, one at zero
    expect(r.miners).toMatchObject({ count: 3, earning: 2, zero: 1 });
    for (const p of [25, 50, 75, 90] as const)
      expect(r.miners.perDayAlpha?.[`p${p}`]).toBeCloseTo(numpyPercentile(raw.minersPerDay, p), 6);
    expect(r.registration.burnRao).toBe(raw.burnRao);
    expect(r.registration.immunityBlocks).toBe(raw.immunity);
    expect(r.registration.immunityHours).toBeCloseTo((raw.immunity * raw.blockSeconds) / 3600, 9);
    for (const p of [25, 50, 75, 90] as const)
      expect(r.payback[`p${p}`]).toBeCloseTo(
        Number(raw.burnRao) / 1e9 / (numpyPercentile(raw.minersPerDay, p) * raw.price),
        6,
      );
  });

  it('the miners’ share matches what the runtime actually paid them in an epoch', async () => {
    const raw = await fromRawStorage(devnet.api, subnet.netuid);
    // alpha_out per block × blocks per epoch × (1 − owner cut) × ½, against the sum of the miners' Emission
    const nominal = raw.alphaOutPerBlock * (raw.tempo + 1) * (1 - raw.ownerCut) * 0.5;
    expect(raw.minersPerEpochSum).toBeGreaterThan(0);
    expect(Math.abs(raw.minersPerEpochSum - nominal) / nominal).toBeLessThan(0.01);
  });

  it('gives a registered hotkey its own figures', async () => {
    const m0 = subnet.miners[0];
    const { me } = await subnetEconomics(devnet.api, subnet.netuid, m0.hotkey.address);
    const regAt = Number(
      (await devnet.api.query.subtensorModule.blockAtRegistration(subnet.netuid, m0.uid)).toString(),
    );
    const raw = await fromRawStorage(devnet.api, subnet.netuid);
    expect(me).toMatchObject({ uid: m0.uid, registeredAtBlock: regAt, rankAmongMiners: 2 / 3 });
    expect(me?.emissionAlphaPerDay).toBeCloseTo(Math.max(...raw.minersPerDay), 6);
    expect(me?.immunityBlocksLeft).toBe(Math.max(0, regAt + raw.immunity - raw.block));
  });

  it('sn2 economics --json prints the same report; a missing subnet is one line', async () => {
    const net = [
      '--subtensor.network',
      devnet.endpoint,
      '--wallet.path',
      dir,
      '--wallet.name',
      'w',
      '--wallet.hotkey',
      'h',
    ];
    const ok = await sn2(['economics', ...net, '--netuid', String(subnet.netuid), '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const printed = JSON.parse(ok.stdout) as { report: { block: number } };
    const { report } = await subnetEconomics(devnet.api, subnet.netuid);
    expect(printed.report).toEqual(report);
    const missing = await sn2(['economics', ...net, '--netuid', '99']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n').at(-1)).toBe(
      'sn2: error: subnet 99 does not exist on this chain',
    );
  }, 120_000);

  it('sn2 register: refuses above --max-burn or without a terminal, then registers with --yes', async () => {
    const flags = [
      'register',
      '--subtensor.network',
      devnet.endpoint,
      '--netuid',
      String(subnet.netuid),
      '--wallet.path',
      dir,
      '--wallet.name',
      'w',
      '--wallet.hotkey',
      'h',
      '--password-env',
      'PW',
    ];
    const env = { PW: PASSWORD };
    const uidOf = async () => (await devnet.api.query.subtensorModule.uids(subnet.netuid, user.hot)).toJSON();

    const tooDear = await sn2([...flags, '--max-burn', '0.000000001', '--yes'], env);
    expect(tooDear.code).toBe(1);
    expect(tooDear.stderr).toMatch(/Miners: 3 \(2 earning, 1 at zero\)/);
    // The devnet's miners serve no 2026 axons, so the guard reads a v10 subnet, which this computer mines.
    expect(tooDear.stderr).toMatch(/Protocol support \(v10\): This computer can mine the v10 protocol\./);
    expect(tooDear.stderr).toMatch(
      /error: registration costs 0\.1 TAO, above --max-burn 1e-9 TAO: not registering$/m,
    );
    const unconfirmed = await sn2(flags, env);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/no terminal to confirm on: read the figures above, then pass --yes/);
    expect(await uidOf()).toBeNull();

    const done = await sn2([...flags, '--max-burn', '1', '--yes', '--json'], env);
    expect(done.code, done.stderr).toBe(0);
    const out = JSON.parse(done.stdout) as { uid: number; burnedRao: string };
    expect(await uidOf()).toBe(out.uid);
    expect(out.burnedRao).toBe('100000000');
  }, 240_000);
});
