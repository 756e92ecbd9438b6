import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Dendrite } from '../../../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse } from '../../../core/bittensor/wire/index.js';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { devKey, DEV_SUDO_URI, DEV_VALIDATOR_COLDKEY_URI } from '../../../core/chain/devnet/dev-keys.js';
import { fetchMetagraph } from '../../../core/chain/metagraph.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { submitExtrinsic } from '../../../core/chain/submit.js';
import { TAO } from '../../../core/chain/units.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import type { CoreEvent } from '../../../core/contract/events.js';
import { BLACKLIST_REASONS } from '../../../core/miner/blacklist.js';
import { minerChain } from '../../../core/miner/chain-adapter.js';
import { Miner } from '../../../core/miner/miner.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import {
  Competition,
  ProofOfWeightsSynapse,
  QueryForCapacities,
  QueryZkProof,
} from '../../../core/sn2/transport/v10-synapses.js';
import { countingProver } from '../../helpers/sn2/counting-prover.js';
import { practiceEngine, practiceQuery } from '../../helpers/sn2/practice-setup.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const specPath = fixtureSpecPath();

describe.skipIf(!specPath)('miner blacklist on a real subtensor runtime (§7.2)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let pool: ProverPool;
  let miner: Miner;
  let counted: ReturnType<typeof countingProver>;
  let minStake: number;
  const events: CoreEvent[] = [];
  const keys: Record<'miner' | 'validator' | 'lowStake' | 'noPermit' | 'stranger', Keypair> = {} as never;

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 3, validators: 1 });
    const { api } = devnet;
    const netuid = subnet.netuid;
    // No epoch from here on, so the stake added below does not earn miner-2 a permit.
    const alice = await devKey(DEV_SUDO_URI);
    const charlie = await devKey(DEV_VALIDATOR_COLDKEY_URI);
    await submitExtrinsic(
      api,
      api.tx.sudo.sudo(api.tx.adminUtils.sudoSetTempo(netuid, 360)),
      chainSignerFromKey(alice, api.registry),
    );
    await submitExtrinsic(
      api,
      api.tx.subtensorModule.addStake(subnet.miners[2].hotkey.address, netuid, 200n * TAO),
      chainSignerFromKey(charlie, api.registry),
    );
    keys.miner = await Keypair.fromUri('//Bob//miner-0');
    keys.lowStake = await Keypair.fromUri('//Bob//miner-1');
    keys.noPermit = await Keypair.fromUri('//Bob//miner-2');
    keys.validator = await Keypair.fromUri('//Charlie//vali-hot');
    keys.stranger = await Keypair.fromUri('//Dave//never-registered');

    // Preconditions read from chain storage: one caller per blacklist rule.
    const meta = await fetchMetagraph(api, netuid);
    const by = (k: Keypair) => meta.neurons.find((n) => n.hotkey === k.address);
    const vali = by(keys.validator);
    const low = by(keys.lowStake);
    const noPermit = by(keys.noPermit);
    expect(by(keys.stranger)).toBeUndefined();
    expect(vali?.validatorPermit).toBe(true);
    expect(noPermit?.validatorPermit).toBe(false);
    minStake = Math.min(vali?.stake ?? 0, noPermit?.stake ?? 0) / 2;
    expect(minStake).toBeGreaterThan(0);
    expect(low?.stake ?? Infinity).toBeLessThan(minStake);

    const engine = practiceEngine(1);
    pool = engine.pool;
    counted = countingProver(engine.minerProver);
    miner = new Miner({
      hotkey: keys.miner.address,
      server: v10Server(keys.miner, { port: 0, host: '127.0.0.1' }),
      prover: counted.prover,
      chain: minerChain(api, 'devnet', netuid, keys.miner),
      // The devnet validator holds ~100 TAO, not the mainnet 1024: the threshold sits between the callers.
      blacklist: { disabled: false, minStake },
      concurrency: 1,
      emit: (e) => void events.push(e),
    });
    await miner.start();
  }, 240_000);

  afterAll(async () => {
    await miner?.stop();
    await pool?.close();
    await devnet?.close();
  });

  const target = () => ({ ip: '127.0.0.1', port: miner.endpoint?.port ?? 0, hotkey: keys.miner.address });

  const cases = [
    ['stranger', BLACKLIST_REASONS.notRegistered],
    ['lowStake', BLACKLIST_REASONS.lowStake],
    ['noPermit', BLACKLIST_REASONS.noPermit],
  ] as const;

  it.each(cases)(
    '%s: 403 on all four routes with the upstream reason; the prover is never called',
    async (who, reason) => {
      const dendrite = new Dendrite(keys[who]);
      const before = counted.calls();
      const message = `Forbidden. Key is blacklisted: ${reason}.`;
      const zk = await dendrite.call(target(), QueryZkProof, practiceQuery().synapse, { timeoutS: 20 });
      const pow = await dendrite.call(
        target(),
        ProofOfWeightsSynapse,
        parseSynapse(ProofOfWeightsSynapse, {
          verification_key_hash: PRACTICE_CIRCUIT_ID,
          inputs: fromPlain(practiceQuery().input),
          proof: '',
          public_signals: '',
        }),
        { timeoutS: 20 },
      );
      const caps = await dendrite.call(target(), QueryForCapacities, parseSynapse(QueryForCapacities, {}), {
        timeoutS: 12,
      });
      const comp = await dendrite.call(
        target(),
        Competition,
        parseSynapse(Competition, { id: 1, hash: 'h', file_name: 'commitment' }),
        { timeoutS: 12 },
      );
      dendrite.close();
      for (const reply of [zk, pow, caps, comp]) {
        expect(reply.dendrite.status_code).toBe(403);
        expect(reply.dendrite.status_message).toBe(message);
      }
      expect(zk.query_output).toBe('');
      expect(counted.calls()).toBe(before);
    },
  );

  it('the staked validator with a permit is served: one prover call, a proof back', async () => {
    const dendrite = new Dendrite(keys.validator);
    const before = counted.calls();
    const reply = await dendrite.call(target(), QueryZkProof, practiceQuery().synapse, { timeoutS: 30 });
    dendrite.close();
    expect(reply.dendrite.status_code).toBe(200);
    expect(reply.query_output).toMatch(/^\{"proof": "/);
    expect(counted.calls()).toBe(before + 1);
  });

  it('refusals are counted by reason and caller, surfaced as a summary, and never logged per request', async () => {
    const stranger = new Dendrite(keys.stranger);
    // A flood from one unregistered hotkey (the case that used to write one log line per request).
    for (let i = 0; i < 10; i++)
      await Promise.all(
        Array.from({ length: 20 }, () =>
          stranger.call(target(), QueryForCapacities, parseSynapse(QueryForCapacities, {}), { timeoutS: 12 }),
        ),
      );
    stranger.close();
    // Let the per-IP bucket refill (the flood above ran into it: 429s), then one more caller.
    await new Promise((r) => setTimeout(r, 2_000));
    // A validator whose clock is 60 s behind: its nonces are out of the window (401).
    const skewed = new Dendrite(keys.validator, { clockNs: () => BigInt(Date.now() - 60_000) * 1_000_000n });
    const stale = await skewed.call(target(), QueryForCapacities, parseSynapse(QueryForCapacities, {}), {
      timeoutS: 12,
    });
    skewed.close();
    expect(stale.dendrite.status_code).toBe(401);

    const summary = miner.refusals();
    // 50/s with a burst of 100 per IP: part of the flood is refused before the blacklist.
    expect(
      (summary.byReason.blacklisted ?? 0) + (summary.byReason['rate-limited'] ?? 0),
    ).toBeGreaterThanOrEqual(200 + 12);
    expect(summary.byReason.blacklisted).toBeGreaterThanOrEqual(100);
    expect(summary.byReason['rate-limited']).toBeGreaterThan(0);
    expect(summary.byReason['stale-nonce']).toBe(1);
    const strangerRow = summary.topCallers.find((c) => c.caller === keys.stranger.address);
    expect(strangerRow).toMatchObject({
      reason: 'blacklisted',
      lastMessage: `Forbidden. Key is blacklisted: ${BLACKLIST_REASONS.notRegistered}.`,
    });
    expect(strangerRow?.count).toBeGreaterThanOrEqual(100);
    expect(summary.topCallers).toContainEqual(
      expect.objectContaining({
        caller: keys.lowStake.address,
        reason: 'blacklisted',
        lastMessage: `Forbidden. Key is blacklisted: ${BLACKLIST_REASONS.lowStake}.`,
      }),
    );
    expect(summary.topCallers).toContainEqual(
      expect.objectContaining({ caller: keys.validator.address, reason: 'stale-nonce', count: 1 }),
    );
    const perRequestLines = events.filter((e) => e.type === 'log' && e.msg.includes(keys.stranger.address));
    expect(perRequestLines.length).toBeLessThanOrEqual(1);
    await expect
      .poll(() => events.filter((e) => e.type === 'refusals').at(-1), { timeout: 5_000 })
      .toMatchObject({ type: 'refusals', summary: { byReason: { 'stale-nonce': 1 } } });
  });
});
