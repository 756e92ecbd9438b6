import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import type { CircuitStore } from '../../../core/circuits/store.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { minerChain } from '../../../core/miner/chain-adapter.js';
import { Miner } from '../../../core/miner/miner.js';
import { validatorCircuits } from '../../../core/validator/validator-circuits.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/events.js';
import { DEFAULT_PROOF_SIZE, SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/sn2/constants.js';
import { validatorChain } from '../../../core/validator/chain-adapter.js';
import { floatScore } from '../../../core/validator/scoring/float-formula.js';
import { ValidatorStateSchema, type ValidatorState } from '../../../core/validator/scoring/score-store.js';
import {
  POW_SCORING_WITNESS_PREFIX,
  poolWitnessCalculator,
} from '../../../core/validator/scoring/witness.js';
import { Validator } from '../../../core/validator/validator.js';
import { dishonestProver, type Behaviour } from '../../helpers/sn2/dishonest-provers.js';
import { rawAxon } from '../../helpers/sn2/raw-axon.js';
import { practiceEngine } from '../../helpers/sn2/practice-setup.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { v10Client } from '../../../core/sn2/transport/v10-client.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const specPath = fixtureSpecPath();

type Kind = Behaviour | 'garbage-body' | 'wrong-type-body';
const KINDS: Kind[] = [
  'honest',
  'forged-input-signals',
  'tampered-proof',
  'wrong-output',
  'proof-of-other-input',
  'wrong-types',
  'empty',
  'slow',
  'error',
  'garbage-body',
  'wrong-type-body',
];
const TIMEOUT_S = 10;
const PREVIOUS = 0.05;

describe.skipIf(!specPath)('dishonest miners are scored down as SN2 v10 says (§8.6, §9)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let pool: ProverPool;
  let store: CircuitStore;
  const miners: Miner[] = [];
  const raws: Array<Awaited<ReturnType<typeof rawAxon>>> = [];
  const portOf = new Map<number, number>();
  const kindOf = new Map<number, Kind>();
  const events: CoreEvent[] = [];
  let state: ValidatorState;
  let scores: number[];

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: KINDS.length, validators: 1 });
    const netuid = subnet.netuid;
    const engine = practiceEngine(2);
    ({ store, pool } = engine);
    const honest = engine.minerProver;
    const keys = await Promise.all(KINDS.map((_, i) => Keypair.fromUri(`//Bob//miner-${i}`)));
    // Each miner announces an address on chain (the chain refuses loopback); the validator is pointed at loopback.
    await Promise.all(
      keys.map((k, i) => minerChain(devnet.api, 'devnet', netuid, k).serveAxon(`10.0.0.${i + 1}`, 8091)),
    );
    for (const [i, kind] of KINDS.entries()) {
      const uid = subnet.miners[i].uid;
      kindOf.set(uid, kind);
      if (kind === 'garbage-body' || kind === 'wrong-type-body') {
        const raw = await rawAxon(
          kind === 'garbage-body'
            ? { status: 200, contentType: 'application/json', body: Buffer.from([0x7b, 0xff, 0x00, 0x22]) }
            : {
                status: 200,
                contentType: 'application/json',
                body: JSON.stringify({ name: 'QueryZkProof', query_output: { proof: 1 } }),
              },
        );
        raws.push(raw);
        portOf.set(uid, raw.port);
        continue;
      }
      const miner = new Miner({
        hotkey: keys[i].address,
        server: v10Server(keys[i], { port: 0, host: '127.0.0.1' }),
        prover: dishonestProver(honest, kind, { slowMs: (TIMEOUT_S + 3) * 1000 }),
        chain: null,
        blacklist: { disabled: true },
        concurrency: 2,
        emit: () => undefined,
      });
      portOf.set(uid, (await miner.start()).port);
      miners.push(miner);
    }

    // Every miner starts from the same persisted score, so each movement is visible against the honest one.
    const validatorKey = await Keypair.fromUri('//Charlie//vali-hot');
    const stateDir = mkdtempSync(join(tmpdir(), 'sn2-dishonest-'));
    const chain = validatorChain(devnet.api, netuid, validatorKey, join(stateDir, 'pending-reveals.json'));
    const size = (await chain.metagraph()).neurons.length;
    const statePath = join(stateDir, 'validator-state.json');
    const seeded = Array.from({ length: size }, (_, uid) => (kindOf.has(uid) ? Math.fround(PREVIOUS) : 0));
    writeFileSync(
      statePath,
      JSON.stringify({
        version: 1,
        netuid,
        hotkey: validatorKey.address,
        scores: seeded,
        evaluation: {},
        queue: [],
        lastBatchStep: 0,
        savedAt: Date.now(),
      } satisfies ValidatorState),
    );
    const practice = (await validatorCircuits(store, engine.prover, true)).get(PRACTICE_CIRCUIT_ID);
    if (!practice) throw new Error('practice circuit not loaded');
    const witnessWasm = (await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] }))[
      'circuit.wasm'
    ];
    const transport = v10Client(validatorKey, { externalIp: '127.0.0.1' });
    const validator = new Validator({
      netuid,
      hotkey: validatorKey.address,
      chain,
      client: transport,
      circuits: new Map([[practice.id, { ...practice, timeoutSeconds: TIMEOUT_S }]]),
      verify: engine.verifier,
      witness: poolWitnessCalculator(pool, witnessWasm, POW_SCORING_WITNESS_PREFIX),
      statePath,
      emit: (e) => events.push(e),
      queryable: { allowNonGlobalIps: true },
      resolveAxon: (uid) => {
        const port = portOf.get(uid);
        return port ? { ip: '127.0.0.1', port } : null;
      },
      maxRequests: KINDS.length,
      intervals: { weights: Number.MAX_SAFE_INTEGER, capacities: Number.MAX_SAFE_INTEGER },
    });
    await validator.start();
    await validator.done();
    // One round is 11 responses; score them now with the real PoW witness (padded batch, practice rule).
    await validator.flushScores();
    scores = validator.scoreSnapshot();
    await validator.stop();
    transport.close();
    state = ValidatorStateSchema.parse(JSON.parse(readFileSync(statePath, 'utf8')));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(miners.map((m) => m.stop()));
    await Promise.all(raws.map((r) => r.close()));
    await pool?.close();
    await devnet?.close();
  });

  const uidOf = (kind: Kind) => [...kindOf].find(([, k]) => k === kind)?.[0] ?? -1;
  const entryOf = (kind: Kind): ProofLogEntry | undefined =>
    events.flatMap((e) => (e.type === 'proof' ? [e.entry] : [])).find((p) => p.minerUid === uidOf(kind));
  const itemOf = (kind: Kind) => state.queue.find((q) => q.miner_uid === uidOf(kind));

  it('judges every response as §8.6 does', () => {
    const outcome = Object.fromEntries(KINDS.map((k) => [k, [entryOf(k)?.status, entryOf(k)?.error]]));
    expect(outcome).toEqual({
      honest: ['verified', undefined],
      // §6.1: the validator overwrites every input position with its own values; only outputs count.
      'forged-input-signals': ['verified', undefined],
      'tampered-proof': ['failed', 'proof did not verify'],
      'wrong-output': ['failed', 'proof did not verify'],
      'proof-of-other-input': ['failed', 'proof did not verify'],
      'wrong-types': ['failed', 'proof did not verify'],
      empty: ['failed', 'no proof in the response'],
      // The dendrite's own timeout is an SDK 408; an unparseable reply its 422, kept with its message.
      slow: ['timeout', expect.stringMatching(/^408 Request timeout after \d+(\.\d+)? seconds$/)],
      error: ['failed', 'miner answered "An error occurred"'],
      'garbage-body': ['error', expect.stringMatching(/^422 Failed to parse response/)],
      // HTTP 200 with a body that is not a QueryZkProof and no status header: the SDK's status None.
      'wrong-type-body': ['error', 'the reply carried no status code (not a valid synapse)'],
    });
    expect(raws.every((r) => r.requests() === 1)).toBe(true);
  });

  it('records unverified responses with the maximum response time and proof size 5000 (§8.6 step 6, §9.3)', () => {
    expect(state.queue).toHaveLength(KINDS.length);
    for (const kind of KINDS) {
      const item = itemOf(kind);
      expect(item, kind).toBeDefined();
      if (!item) continue;
      expect(item.previous_score).toBe(Math.fround(PREVIOUS));
      if (kind === 'honest' || kind === 'forged-input-signals') {
        expect(item.verified).toBe(true);
        expect(item.proof_size).toBeLessThan(DEFAULT_PROOF_SIZE);
        expect(item.response_time).toBeLessThan(TIMEOUT_S);
      } else {
        expect(item.verified, kind).toBe(false);
        expect(item.proof_size, kind).toBe(DEFAULT_PROOF_SIZE);
        expect(item.response_time, kind).toBe(item.maximum_response_time);
      }
    }
  });

  it('moves the scores as the PoW circuit rules: ×0.6 for every cheat, toward max_score·frac when verified', () => {
    const honest = scores[uidOf('honest')];
    for (const kind of KINDS) {
      const item = itemOf(kind);
      if (!item) throw new Error(`no PoW item for ${kind}`);
      const score = scores[uidOf(kind)];
      expect(state.scores[uidOf(kind)]).toBe(score);
      if (item.verified) {
        // The circuit's fixed-point tangent differs from the float formula in frac by up to 0.064 at the
        // §9.6 table's samples; a 256-point witness sweep of x in [0, 1] found at most 0.066 (x ≈ 0.96).
        const expected = floatScore({
          verified: true,
          previousScore: item.previous_score,
          maxScore: item.maximum_score,
          responseTime: item.response_time,
          minimumResponseTime: item.minimum_response_time,
          maximumResponseTime: item.maximum_response_time,
        });
        expect(Math.abs(score - expected), kind).toBeLessThan(0.1 * item.maximum_score * 0.08);
      } else {
        expect(score, kind).toBeCloseTo(PREVIOUS * 0.6, 7);
        // Even the slowest verified answer (frac → 0.04) keeps more than a cheat's 0.6 × previous.
        expect(score, kind).toBeLessThan(Math.min(honest, scores[uidOf('forged-input-signals')]));
      }
    }
  });
});
