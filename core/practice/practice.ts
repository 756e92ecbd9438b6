import { join } from 'node:path';
import { Keypair, generateMnemonic } from '../bittensor/keys/index.js';
import { Dendrite } from '../bittensor/wire/dendrite.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../sn2/constants.js';
import { CircuitStore } from '../circuits/store.js';
import { bootstrapSubnet } from '../chain/devnet/bootstrap.js';
import { startDevnet, type Devnet } from '../chain/devnet/start-devnet.js';
import { fetchMetagraph } from '../chain/metagraph.js';
import type { CoreEvent } from '../service/contract/events.js';
import { percentile } from '../service/proof-log.js';
import { Miner } from '../miner/miner.js';
import { minerChain } from '../miner/chain-adapter.js';
import { inProcessRunner, type JobRunner } from '../miner/in-process-runner.js';
import { storeProver } from '../miner/store-prover.js';
import { Validator } from '../validator/validator.js';
import { validatorChain } from '../validator/chain-adapter.js';
import { storeVerifier } from '../validator/response/verify-circom.js';
import { snarkjsWitnessCalculator } from '../validator/scoring/witness.js';
import { validatorDendrite } from '../validator/dendrite-adapter.js';
import { validatorCircuits } from './practice-circuits.js';

export interface PracticeOptions {
  rounds: number;
  /** Folder for the validator state and the devnet cache. */
  dataDir: string;
  emit: (event: CoreEvent) => void;
  /** Progress lines for humans. */
  info?: (line: string) => void;
  specPath?: string;
  runner?: JobRunner;
  signal?: AbortSignal;
}

export interface PracticeSummary {
  netuid: number;
  minerUid: number;
  validatorUid: number;
  requested: number;
  verified: number;
  failed: number;
  latencyMs: { p50: number; p95: number; max: number };
  weights: { block: number; uids: number[]; values: number[] } | null;
  minerIncentive: number;
  minerScore: number;
  blocks: { start: number; end: number };
  durationMs: number;
}

/**
 * One-command practice (`sn2 practice`): a real subtensor runtime on 127.0.0.1, a fresh subnet, a
 * throwaway miner hotkey registered and a staked validator with a permit, then our miner and
 * validator talking over the real axon/dendrite path with real proofs, weights set on chain and read
 * back, and the miner's incentive after the next epoch.
 */
export async function runPractice(o: PracticeOptions): Promise<PracticeSummary> {
  const started = Date.now();
  const info = o.info ?? (() => undefined);
  const runner = o.runner ?? inProcessRunner;
  info('starting the local subtensor devnet…');
  const devnet: Devnet = await startDevnet({
    port: 0,
    specPath: o.specPath,
    cacheDir: join(o.dataDir, 'devnet'),
  });
  let miner: Miner | undefined;
  let validator: Validator | undefined;
  let dendrite: Dendrite | undefined;
  try {
    const minerKey = await Keypair.fromMnemonic(generateMnemonic(12));
    const validatorKey = await Keypair.fromUri('//Charlie//vali-hot');
    info('creating a subnet, registering a miner and a staked validator (about a minute)…');
    const subnet = await bootstrapSubnet(devnet, {
      tempo: 5,
      miners: 0,
      validators: 1,
      extraMinerHotkeys: [minerKey.address],
    });
    const startBlock = await devnet.head();
    const netuid = subnet.netuid;
    const minerUid = subnet.extraMiners[minerKey.address];
    const store = new CircuitStore({
      cacheDir: join(o.dataDir, 'circuits'),
      offlineDir: process.env.SN2_CIRCUITS_DIR ?? null,
    });

    miner = new Miner({
      signer: minerKey,
      prover: storeProver(store, runner),
      chain: minerChain(devnet.api, 'practice', netuid, minerKey),
      port: 0,
      host: '127.0.0.1',
      // The chain refuses loopback addresses; the validator is pointed at the loopback axon below.
      externalIp: '10.0.0.1',
      // The practice validator holds 100 TAO of stake, below the mainnet 1024 minimum; its permit is checked.
      blacklist: { disabled: false, minStake: 0 },
      concurrency: 1,
      emit: o.emit,
    });
    const axon = await miner.start();
    info(`miner uid ${minerUid} serving on 127.0.0.1:${axon.port}`);

    dendrite = new Dendrite(validatorKey, { externalIp: '127.0.0.1' });
    validator = new Validator({
      netuid,
      hotkey: validatorKey.address,
      chain: validatorChain(devnet.api, netuid, validatorKey),
      dendrite: validatorDendrite(dendrite),
      circuits: await validatorCircuits(store, true),
      verify: storeVerifier(store, runner),
      witness: snarkjsWitnessCalculator(await witnessWasm(store)),
      statePath: join(o.dataDir, 'practice-validator-state.json'),
      emit: o.emit,
      queryable: { allowNonGlobalIps: true },
      resolveAxon: (uid, onChain) => (uid === minerUid ? { ip: '127.0.0.1', port: axon.port } : onChain),
      maxRequests: o.rounds,
      intervals: { weights: Number.MAX_SAFE_INTEGER, capacities: Number.MAX_SAFE_INTEGER },
    });
    await validator.start();
    info(`validator uid ${validator.uid} querying ${o.rounds} rounds…`);
    await validator.done();
    await validator.flushScores();
    const scores = validator.scoreSnapshot();
    info('setting weights on chain…');
    await validator.attemptWeights(true);
    const weightsRow = (
      await devnet.api.query.subtensorModule.weights(netuid, validator.uid)
    ).toJSON() as Array<[number, number]>;
    const weightsBlock = validator.counters.weights.at(-1)?.block;
    await devnet.newBlocks(subnet.tempo + 1);
    const meta = await fetchMetagraph(devnet.api, netuid);
    const c = validator.counters;
    const lat = [...c.latenciesMs].sort((a, b) => a - b);
    return {
      netuid,
      minerUid,
      validatorUid: validator.uid,
      requested: c.requested,
      verified: c.verified,
      failed: c.failed,
      latencyMs: { p50: percentile(lat, 0.5), p95: percentile(lat, 0.95), max: lat.at(-1) ?? 0 },
      weights:
        weightsBlock !== undefined
          ? { block: weightsBlock, uids: weightsRow.map((w) => w[0]), values: weightsRow.map((w) => w[1]) }
          : null,
      minerIncentive: meta.neurons[minerUid]?.incentive ?? 0,
      minerScore: scores[minerUid] ?? 0,
      blocks: { start: startBlock, end: meta.block },
      durationMs: Date.now() - started,
    };
  } finally {
    await validator?.stop().catch(() => undefined);
    dendrite?.close();
    await miner?.stop().catch(() => undefined);
    await devnet.close();
  }
}

/** The PoW-256 witness generator scores every validator batch; practice falls back to the shared fixture. */
async function witnessWasm(store: CircuitStore): Promise<string> {
  const files = await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] });
  return files['circuit.wasm'];
}
