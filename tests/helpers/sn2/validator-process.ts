/**
 * A validator in its own process, for the kill -9 test: connects to a devnet by WebSocket, queries
 * one miner on loopback with real practice-circuit proofs, verifies and scores them, and persists its
 * state as the validator does. It runs until killed and reports on stdout, one JSON object a line:
 * `{type: 'started', scores}` once the state is restored, then every proof-log entry and log line.
 *
 *   node --import tsx tests/helpers/sn2/validator-process.ts '<ValidatorProcessConfig JSON>'
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '../../../core/chain/signed-extensions.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { validatorCircuits } from '../../../core/validator/validator-circuits.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/sn2/constants.js';
import { validatorChain } from '../../../core/validator/chain-adapter.js';
import { engineVerifier } from '../../../core/validator/response/engine-verifier.js';
import {
  POW_SCORING_WITNESS_PREFIX,
  poolWitnessCalculator,
} from '../../../core/validator/scoring/witness.js';
import { Validator } from '../../../core/validator/validator.js';
import { v10Client } from '../../../core/sn2/transport/v10-client.js';

export const ValidatorProcessConfigSchema = z.object({
  endpoint: z.string(),
  netuid: z.number().int(),
  validatorUri: z.string(),
  minerUid: z.number().int(),
  minerPort: z.number().int(),
  statePath: z.string(),
  cacheDir: z.string(),
  srsDir: z.string(),
  offlineDir: z.string(),
});
export type ValidatorProcessConfig = z.infer<typeof ValidatorProcessConfigSchema>;

const say = (obj: object) => process.stdout.write(`${JSON.stringify(obj)}\n`);

async function main(): Promise<void> {
  const c = ValidatorProcessConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const api = await ApiPromise.create({
    provider: new WsProvider(c.endpoint),
    noInitWarn: true,
    signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
  });
  const key = await Keypair.fromUri(c.validatorUri);
  const store = new CircuitStore({ cacheDir: c.cacheDir, offlineDir: c.offlineDir });
  const pool = createProverPool({ size: 1 });
  const prover = makeProver({ store, pool, srsDir: c.srsDir, ezkl: null });
  const practice = (await validatorCircuits(store, prover, true)).get(PRACTICE_CIRCUIT_ID);
  if (!practice) throw new Error('practice circuit not loaded');
  const wasm = (await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] }))['circuit.wasm'];
  const validator = new Validator({
    netuid: c.netuid,
    hotkey: key.address,
    chain: validatorChain(api, c.netuid, key, join(dirname(c.statePath), 'pending-reveals.json')),
    client: v10Client(key, { externalIp: '127.0.0.1' }),
    circuits: new Map([[practice.id, practice]]),
    verify: engineVerifier(prover),
    witness: poolWitnessCalculator(pool, wasm, POW_SCORING_WITNESS_PREFIX),
    statePath: c.statePath,
    emit: (e) => {
      if (e.type === 'proof') say({ type: 'proof', status: e.entry.status, minerUid: e.entry.minerUid });
      if (e.type === 'log') say({ type: 'log', level: e.level, msg: e.msg });
    },
    queryable: { allowNonGlobalIps: true },
    resolveAxon: (uid) => (uid === c.minerUid ? { ip: '127.0.0.1', port: c.minerPort } : null),
    intervals: { weights: Number.MAX_SAFE_INTEGER, capacities: Number.MAX_SAFE_INTEGER },
  });
  await validator.start();
  say({ type: 'started', uid: validator.uid, scores: validator.scoreSnapshot() });
  await validator.done();
}

main().catch((err: unknown) => {
  say({ type: 'fatal', error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
