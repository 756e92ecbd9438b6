import { join } from 'node:path';
import { Keypair, generateMnemonic } from '../bittensor/keys/index.js';
import type { Sr25519Signer } from '../bittensor/signer.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../sn2/constants.js';
import { CircuitStore } from '../circuits/store.js';
import { bootstrapSubnet } from '../chain/devnet/bootstrap.js';
import { startDevnet, type Devnet } from '../chain/devnet/start-devnet.js';
import { fetchMetagraph } from '../chain/metagraph.js';
import type { CoreEvent } from '../contract/events.js';
import { Miner } from '../miner/miner.js';
import { minerChain } from '../miner/chain-adapter.js';
import { engineProver } from '../miner/engine-prover.js';
import { createProvingEngine, type ProvingEngine, type ProvingEngineOptions } from '../provers/engine.js';
import { dataPaths } from '../util/paths.js';
import { FailureSignal } from '../util/failure-signal.js';
import { Validator } from '../validator/validator.js';
import { validatorChain } from '../validator/chain-adapter.js';
import { engineVerifier } from '../validator/response/engine-verifier.js';
import { POW_SCORING_WITNESS_PREFIX, poolWitnessCalculator } from '../validator/scoring/witness.js';
import { validatorCircuits } from '../validator/validator-circuits.js';
import type { Sn2Client } from '../sn2/transport/sn2-transport.js';
import { v10Client } from '../sn2/transport/v10-client.js';
import { v10Server } from '../sn2/transport/v10-server.js';

export interface PracticeSessionOptions {
  /** Folder for the validator state, the devnet cache and the circuit cache. */
  dataDir: string;
  emit: (event: CoreEvent) => void;
  /** Progress lines for humans. */
  info?: (line: string) => void;
  specPath?: string;
  /** The app's folders for the KZG SRS cache and native tools; default `dataPaths(dataDir)`. */
  paths?: ReturnType<typeof dataPaths>;
  /** Settings `prover` (pool size `cpuLimit`, native tool paths) for the session's proving engine. */
  prover?: ProvingEngineOptions['prover'];
  /** The miner hotkey to register on the devnet; default a throwaway key made for this session. */
  minerKey?: Sr25519Signer;
  /** Circuit cache; default `<dataDir>/circuits`. */
  circuitsDir?: string;
  /** Stop the validator after this many requests (`sn2 practice --rounds`); default: until stopped. */
  maxRequests?: number;
  /** ms between the miner's standing refreshes (metagraph reads); default 1 h as upstream. */
  standingEveryMs?: number;
}

/** What one practice epoch produced: the weights read back from chain storage and the head after the epoch. */
export interface PracticeEpoch {
  weights: { block: number; uids: number[]; values: number[] } | null;
  minerIncentive: number;
  minerScore: number;
  block: number;
}

/**
 * The embedded practice network, running: a real subtensor runtime on 127.0.0.1 with a fresh subnet,
 * a registered miner hotkey and a staked validator with a permit, our Miner on a loopback axon and our
 * Validator querying it through the real dendrite with real proofs. `runPractice` drives it for N
 * rounds; the CoreService runs it until the user stops mining.
 */
export class PracticeSession {
  private stopping = false;
  private readonly health = new FailureSignal();

  private constructor(
    readonly devnet: Devnet,
    readonly netuid: number,
    readonly tempo: number,
    readonly minerUid: number,
    readonly startBlock: number,
    readonly miner: Miner,
    readonly validator: Validator,
    private readonly transport: Sn2Client,
    private readonly engine: ProvingEngine,
  ) {
    devnet.api.on('disconnected', () => {
      if (!this.stopping) this.fail('the practice devnet stopped answering (its chain connection closed)');
    });
    validator.onFailure((reason) => this.fail(reason));
    miner.onFailure((reason) => this.fail(`miner: ${reason}`));
  }

  /** Health hook: called once if the session dies while running (devnet gone, miner or validator failed). */
  onFailure(listener: (reason: string) => void): void {
    this.health.onFailure(listener);
  }

  private fail(reason: string): void {
    this.health.fail(reason);
  }

  static async start(o: PracticeSessionOptions): Promise<PracticeSession> {
    const info = o.info ?? (() => undefined);
    info('starting the local subtensor devnet…');
    const devnet = await startDevnet({ port: 0, specPath: o.specPath, cacheDir: join(o.dataDir, 'devnet') });
    let miner: Miner | undefined;
    let validator: Validator | undefined;
    let transport: Sn2Client | undefined;
    let engine: ProvingEngine | undefined;
    try {
      const minerKey = o.minerKey ?? (await Keypair.fromMnemonic(generateMnemonic(12)));
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
        cacheDir: o.circuitsDir ?? join(o.dataDir, 'circuits'),
        offlineDir: process.env.SN2_CIRCUITS_DIR ?? null,
      });
      engine = await createProvingEngine({
        paths: o.paths ?? dataPaths(o.dataDir),
        prover: o.prover,
        store,
      });

      miner = new Miner({
        hotkey: minerKey.address,
        server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
        prover: engineProver(store, engine.prover),
        chain: minerChain(devnet.api, 'practice', netuid, minerKey),
        // The chain refuses loopback addresses; the validator is pointed at the loopback axon below.
        externalIp: '10.0.0.1',
        // The practice validator holds 100 TAO of stake, below the mainnet 1024 minimum; its permit is checked.
        blacklist: { disabled: false, minStake: 0 },
        concurrency: 1,
        emit: o.emit,
        resyncMs: o.standingEveryMs,
      });
      const axon = await miner.start();
      info(`miner uid ${minerUid} serving on 127.0.0.1:${axon.port}`);

      transport = v10Client(validatorKey, { externalIp: '127.0.0.1' });
      validator = new Validator({
        netuid,
        hotkey: validatorKey.address,
        chain: validatorChain(
          devnet.api,
          netuid,
          validatorKey,
          join(o.dataDir, 'practice-pending-reveals.json'),
        ),
        client: transport,
        circuits: await validatorCircuits(store, engine.prover, true),
        verify: engineVerifier(engine.prover),
        witness: poolWitnessCalculator(engine.pool, await witnessWasm(store), POW_SCORING_WITNESS_PREFIX),
        statePath: join(o.dataDir, 'practice-validator-state.json'),
        emit: o.emit,
        queryable: { allowNonGlobalIps: true },
        resolveAxon: (uid, onChain) => (uid === minerUid ? { ip: '127.0.0.1', port: axon.port } : onChain),
        maxRequests: o.maxRequests,
        // Weights are set by `settleEpoch`, which also advances the devnet past the epoch.
        intervals: { weights: Number.MAX_SAFE_INTEGER, capacities: Number.MAX_SAFE_INTEGER },
      });
      await validator.start();
      info(`validator uid ${validator.uid} querying the miner…`);
      return new PracticeSession(
        devnet,
        netuid,
        subnet.tempo,
        minerUid,
        startBlock,
        miner,
        validator,
        transport,
        engine,
      );
    } catch (err) {
      await validator?.stop().catch(() => undefined);
      transport?.close();
      await miner?.stop().catch(() => undefined);
      await engine?.close();
      await devnet.close();
      throw err;
    }
  }

  /**
   * Score what was answered so far (padded partial batch), set weights on chain, read them back from
   * storage and build blocks past the epoch so the miner's incentive is computed.
   */
  async settleEpoch(): Promise<PracticeEpoch> {
    const v = this.validator;
    await v.flushScores();
    const minerScore = v.scoreSnapshot()[this.minerUid] ?? 0;
    const before = v.counters.weights.length;
    await v.attemptWeights(true);
    const attempt = v.counters.weights.slice(before).at(-1);
    const row = (await this.devnet.api.query.subtensorModule.weights(this.netuid, v.uid)).toJSON() as Array<
      [number, number]
    >;
    await this.devnet.newBlocks(this.tempo + 1);
    const meta = await fetchMetagraph(this.devnet.api, this.netuid);
    return {
      weights:
        attempt?.ok && attempt.block !== undefined
          ? { block: attempt.block, uids: row.map((w) => w[0]), values: row.map((w) => w[1]) }
          : null,
      minerIncentive: meta.neurons[this.minerUid]?.incentive ?? 0,
      minerScore,
      block: meta.block,
    };
  }

  /** Stop querying, let in-flight proofs finish and persist scores, then stop the miner, the prover pool and the devnet. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.validator.stop().catch(() => undefined);
    this.transport.close();
    await this.miner.stop().catch(() => undefined);
    await this.engine.close();
    await this.devnet.close().catch(() => undefined);
  }
}

/** The PoW-256 witness generator scores every validator batch; practice falls back to the shared fixture. */
async function witnessWasm(store: CircuitStore): Promise<string> {
  const files = await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] });
  return files['circuit.wasm'];
}
