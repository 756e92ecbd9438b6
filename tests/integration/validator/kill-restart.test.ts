import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { fetchMetagraph } from '../../../core/chain/metagraph.js';
import { minerChain } from '../../../core/miner/chain-adapter.js';
import { Miner } from '../../../core/miner/miner.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import { POW_BATCH_SIZE } from '../../../core/sn2/constants.js';
import { powItem } from '../../../core/validator/scoring/pow-item.js';
import { ValidatorStateSchema, type ValidatorState } from '../../../core/validator/scoring/score-store.js';
import { practiceEngine } from '../../helpers/sn2/practice-setup.js';
import { sharedPath } from '../../helpers/shared.js';
import { spawnValidator } from '../../helpers/sn2/validator-child.js';
import type { ValidatorProcessConfig } from '../../helpers/sn2/validator-process.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const specPath = fixtureSpecPath();

const VALIDATOR_URI = '//Charlie//vali-hot';

describe.skipIf(!specPath)('kill -9 of the validator process mid-batch (real devnet, real proofs)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let pool: ProverPool;
  let miner: Miner;
  let config: ValidatorProcessConfig;
  let seed: ValidatorState;
  const minerUid = () => subnet.miners[0].uid;
  const readState = () => ValidatorStateSchema.parse(JSON.parse(readFileSync(config.statePath, 'utf8')));

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 1, validators: 1 });
    const minerKey = await Keypair.fromUri('//Bob//miner-0');
    await minerChain(devnet.api, 'devnet', subnet.netuid, minerKey).serveAxon('10.0.0.1', 8091);
    const engine = practiceEngine(1);
    pool = engine.pool;
    miner = new Miner({
      hotkey: minerKey.address,
      server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
      prover: engine.minerProver,
      chain: null,
      blacklist: { disabled: true },
      concurrency: 1,
      emit: () => undefined,
    });
    const { port } = await miner.start();
    const dir = mkdtempSync(join(tmpdir(), 'sn2-kill-'));
    config = {
      endpoint: devnet.endpoint,
      netuid: subnet.netuid,
      validatorUri: VALIDATOR_URI,
      minerUid: subnet.miners[0].uid,
      minerPort: port,
      statePath: join(dir, 'validator-state.json'),
      cacheDir: join(dir, 'circuits'),
      srsDir: join(dir, 'srs'),
      offlineDir: sharedPath('fixtures/sn2'),
    };
    // A persisted state one response short of a PoW batch: the next response starts the witness.
    const size = (await fetchMetagraph(devnet.api, subnet.netuid)).neurons.length;
    const validatorUid = subnet.validators[0].uid;
    const item = powItem({
      maxScore: 1 / size,
      previousScore: 0.05,
      verified: true,
      proofSize: 620,
      responseTime: 1,
      maximumResponseTime: 2,
      minimumResponseTime: 0.5,
      block: 1,
      validatorUid,
      minerUid: subnet.miners[0].uid,
    });
    seed = {
      version: 1,
      netuid: subnet.netuid,
      hotkey: (await Keypair.fromUri(VALIDATOR_URI)).address,
      scores: Array.from({ length: size }, (_, uid) =>
        uid === subnet.miners[0].uid ? Math.fround(0.05) : 0,
      ),
      evaluation: {},
      queue: Array.from({ length: POW_BATCH_SIZE - 1 }, () => item),
      lastBatchStep: 0,
      savedAt: Date.now(),
    };
    writeFileSync(config.statePath, JSON.stringify(seed));
  }, 240_000);

  afterAll(async () => {
    await miner?.stop();
    await pool?.close();
    await devnet?.close();
  });

  it('keeps the persisted state through a kill during the witness, and restores exactly what was last persisted', async () => {
    const seedText = readFileSync(config.statePath, 'utf8');

    // 1. Killed while scoring: the 256th response has been judged and the witness is running.
    const first = spawnValidator(config);
    const started = await first.waitFor((l) => l.type === 'started', 90_000);
    expect(started.scores).toEqual(seed.scores);
    await first.waitFor((l) => l.type === 'proof' && l.minerUid === minerUid());
    expect(await first.killHard()).toBe('SIGKILL');
    expect(readFileSync(config.statePath, 'utf8')).toBe(seedText);

    // 2. Restarts from the persisted state, completes the batch and persists it; killed with a request in flight.
    const second = spawnValidator(config);
    expect((await second.waitFor((l) => l.type === 'started', 90_000)).scores).toEqual(seed.scores);
    await second.waitFor((l) => l.type === 'log' && String(l.msg).startsWith('scored PoW batch 1'));
    await second.waitFor((l) => l.type === 'proof');
    expect(await second.killHard()).toBe('SIGKILL');
    const persisted = readState();
    expect(persisted.lastBatchStep).toBe(1);
    expect(persisted.queue).toHaveLength(POW_BATCH_SIZE);
    expect(persisted.scores[minerUid()]).not.toBe(seed.scores[minerUid()]);
    expect(persisted.scores[minerUid()]).toBeGreaterThan(0);

    // 3. A third start restores exactly the scores of that file.
    const third = spawnValidator(config);
    expect((await third.waitFor((l) => l.type === 'started', 90_000)).scores).toEqual(persisted.scores);
    await third.killHard();
    expect(readState()).toEqual(persisted);
  }, 300_000);
});
