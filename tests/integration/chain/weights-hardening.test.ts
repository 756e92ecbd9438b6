import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitWeights } from '../../../core/chain/actions/weights.js';
import { ChainClient } from '../../../core/chain/client.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { devKey } from '../../../core/chain/devnet/dev-keys.js';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { ChainTimeoutError, DispatchFailedError, PreflightError } from '../../../core/chain/errors.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { submitExtrinsic } from '../../../core/chain/submit.js';
import { TAO } from '../../../core/chain/units.js';
import { PendingRevealStore } from '../../../core/chain/weights/pending-reveals.js';
import { revealPendingWeights } from '../../../core/chain/weights/reveal-pending.js';
import { WEIGHTS_VERSION } from '../../../core/sn2/constants.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from './devnet-fixture.js';

const specPath = fixtureSpecPath();
if (!specPath) console.warn('skipping weights hardening devnet tests: subtensor fixture not found');

const OURS = BigInt(WEIGHTS_VERSION);
const commitScript = fileURLToPath(new URL('../../helpers/chain/commit-process.ts', import.meta.url));

/** Run the commit helper in its own process; SIGKILL it once it reports the commit included. */
function commitThenKill(config: object): Promise<{ hash: string; block: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', commitScript, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`commit process exited (${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as { type: string; hash: string; block: number; error?: string };
      if (line.type === 'fatal') reject(new Error(line.error));
      if (line.type !== 'committed') return;
      child.kill('SIGKILL');
      child.on('exit', () => resolve(line));
    });
  });
}

describe.skipIf(!specPath)('weights that count: deadlines, CR v2 reveals, version key (devnet)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let client: ChainClient;
  let mark: number;
  const signer = (pair: Parameters<typeof chainSignerFromKey>[0]) =>
    chainSignerFromKey(pair, client.api.registry);
  const sudo = async (call: ReturnType<ChainClient['api']['tx']['adminUtils']['sudoSetTempo']>) =>
    submitExtrinsic(client.api, client.api.tx.sudo.sudo(call), signer(await devKey('//Alice')));

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 2, validators: 1 });
    client = await ChainClient.connect(devnet.endpoint, { healthIntervalMs: 0 });
    mark = await devnet.head();
  });

  afterAll(async () => {
    await client?.close();
    await devnet?.close();
  });

  beforeEach(async () => {
    await devnet.setHead(mark);
  });

  it('reveals a CR v2 commit at the right block after the committing process was killed -9', async () => {
    await sudo(client.api.tx.adminUtils.sudoSetCommitRevealWeightsEnabled(subnet.netuid, true));
    const vali = subnet.validators[0];
    const revealsPath = join(mkdtempSync(join(tmpdir(), 'sn2-reveal-')), 'pending-reveals.json');
    const committed = await commitThenKill({
      endpoint: devnet.endpoint,
      netuid: subnet.netuid,
      uri: '//Charlie//vali-hot',
      revealsPath,
      uids: subnet.miners.map((m) => m.uid),
      weights: [0.25, 0.75],
    });
    // A fresh start: only what the killed process left on disk.
    const store = new PendingRevealStore(revealsPath);
    expect(store.list().map((p) => p.hash)).toEqual([committed.hash]);
    expect(store.list()[0].commitBlock).toBe(committed.block);

    const early = await revealPendingWeights(client.api, signer(vali.hotkey), store);
    expect(early).toMatchObject([{ kind: 'waiting', hash: committed.hash }]);
    const from = early[0].kind === 'waiting' ? early[0].revealFrom : undefined;
    expect(from).toBeGreaterThan(committed.block);
    expect((await client.api.query.subtensorModule.weights(subnet.netuid, vali.uid)).toJSON()).toEqual([]);

    await devnet.newBlocks(from! - (await devnet.head()));
    const revealed = await revealPendingWeights(client.api, signer(vali.hotkey), store);
    expect(revealed).toMatchObject([{ kind: 'revealed', hash: committed.hash }]);
    expect((await client.api.query.subtensorModule.weights(subnet.netuid, vali.uid)).toJSON()).toEqual([
      [subnet.miners[0].uid, 21845],
      [subnet.miners[1].uid, 65535],
    ]);
    expect(new PendingRevealStore(revealsPath).list()).toEqual([]);
    expect(JSON.parse(readFileSync(revealsPath, 'utf8'))).toEqual({ version: 1, pending: [] });
  }, 240_000);

  it('drops a reveal whose window passed, with the reason', async () => {
    await sudo(client.api.tx.adminUtils.sudoSetCommitRevealWeightsEnabled(subnet.netuid, true));
    const vali = subnet.validators[0];
    const store = new PendingRevealStore(join(mkdtempSync(join(tmpdir(), 'sn2-reveal-')), 'p.json'));
    const outcome = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: signer(vali.hotkey),
      uids: [subnet.miners[0].uid],
      weights: [1],
      versionKey: OURS,
      reveals: store,
    });
    expect(outcome.method).toBe('commit');
    await devnet.newBlocks(3 * (subnet.tempo + 1));
    const late = await revealPendingWeights(client.api, signer(vali.hotkey), store);
    expect(late).toMatchObject([{ kind: 'dropped', reason: expect.stringMatching(/window|not on chain/) }]);
    expect(store.list()).toEqual([]);
  }, 120_000);

  it('sends our WEIGHTS_VERSION; the runtime refuses a version below the subnet key', async () => {
    const vali = signer(subnet.validators[0].hotkey);
    const uids = [subnet.miners[0].uid];
    await sudo(client.api.tx.adminUtils.sudoSetWeightsVersionKey(subnet.netuid, OURS + 1n));
    // The real runtime's answer, without our preflight in the way.
    const raw = client.api.tx.subtensorModule.setWeights(subnet.netuid, uids, [65535], OURS);
    const refused = await submitExtrinsic(client.api, raw, vali).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DispatchFailedError);
    expect(refused).toMatchObject({ error: 'IncorrectWeightVersionKey' });
    // Our path says the same before sending anything.
    const pre = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: vali,
      uids,
      weights: [1],
      versionKey: OURS,
    }).catch((e: unknown) => e);
    expect(pre).toBeInstanceOf(PreflightError);
    expect(pre).toMatchObject({ error: 'IncorrectWeightVersionKey' });
    expect((pre as Error).message).toContain(`${OURS + 1n}`);
    // At the subnet's key exactly, the same weights are accepted.
    await sudo(client.api.tx.adminUtils.sudoSetWeightsVersionKey(subnet.netuid, OURS));
    const ok = await submitWeights(client.api, {
      netuid: subnet.netuid,
      hotkey: vali,
      uids,
      weights: [1],
      versionKey: OURS,
    });
    expect(ok).toMatchObject({ method: 'set_weights', versionKey: OURS });
  });

  it('gives up on a stalled submission at its deadline, having let go of the signing key at once', async () => {
    const alice = signer(await devKey('//Alice'));
    const dest = (await devKey('//Dave')).address;
    await client.api.rpc('dev_setBlockBuildMode', 'Manual');
    try {
      const events: string[] = [];
      const err = await submitExtrinsic(
        client.api,
        client.api.tx.balances.transferKeepAlive(dest, TAO),
        alice,
        {
          nonces: client.nonces,
          timeoutMs: 4_000,
          onSigned: () => events.push('signed'),
          onStatus: (s) => events.push(s),
        },
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChainTimeoutError);
      expect((err as Error).message).toMatch(/no inclusion within 4 s \(last status: (Ready|Broadcast)\)/);
      expect(events[0]).toBe('signed');
    } finally {
      await client.api.rpc('dev_setBlockBuildMode', 'Instant');
    }
  });
});
