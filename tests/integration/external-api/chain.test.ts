import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { startDevnet, type Devnet } from '../../../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet, type BootstrappedSubnet } from '../../../core/chain/devnet/bootstrap.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { Keypair, generateMnemonic } from '../../../core/bittensor/keys/index.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { validateInput } from '../../../core/circuits/inputs/registry.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/sn2/constants.js';
import { Miner } from '../../../core/miner/miner.js';
import { minerChain } from '../../../core/miner/chain-adapter.js';
import { engineProver } from '../../../core/miner/engine-prover.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver } from '../../../core/provers/prover.js';
import { Validator } from '../../../core/validator/validator.js';
import { validatorChain } from '../../../core/validator/chain-adapter.js';
import { engineVerifier } from '../../../core/validator/response/engine-verifier.js';
import {
  POW_SCORING_WITNESS_PREFIX,
  poolWitnessCalculator,
} from '../../../core/validator/scoring/witness.js';
import { validatorCircuits } from '../../../core/validator/validator-circuits.js';
import { SettingsSchema, type CoreEvent } from '../../../core/contract/index.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { startExternalApi } from '../../../core/validator/api/start-external-api.js';
import { readCommitment } from '../../../core/validator/api/certificate-commitment.js';
import { circuitCatalog } from '../../../core/validator/api/circuit-catalog.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import type { CircuitCatalog, ExternalRequestSink } from '../../../core/validator/api/types.js';
import { sharedPath } from '../../helpers/shared.js';
import { DEVNET_TEST_CACHE, fixtureSpecPath } from '../chain/devnet-fixture.js';
import { closeAndWait, openRpc, roundTrip } from './tls-client.js';
import { v10Client } from '../../../core/sn2/transport/v10-client.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const specPath = fixtureSpecPath();

/**
 * One devnet for the file (bootstrapping costs about a minute): certificate commitment, permits read from
 * chain, and a proof_of_computation request served by our validator through a local miner.
 */
describe.skipIf(!specPath)('external API against a real subtensor runtime (devnet)', () => {
  let devnet: Devnet;
  let subnet: BootstrappedSubnet;
  let minerKey: Keypair;
  let dir: string;
  const client = new Keyring({ type: 'sr25519' });

  beforeAll(async () => {
    devnet = await startDevnet({ specPath, cacheDir: DEVNET_TEST_CACHE });
    minerKey = await Keypair.fromMnemonic(generateMnemonic(12));
    subnet = await bootstrapSubnet(devnet, {
      tempo: 5,
      miners: 0,
      validators: 1,
      extraMinerHotkeys: [minerKey.address],
    });
    dir = mkdtempSync(join(tmpdir(), 'sn2-api-chain-'));
  });

  afterAll(async () => {
    await devnet?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = (sink: ExternalRequestSink, catalog: CircuitCatalog = { list: async () => [] }) =>
    startExternalApi({
      settings: {
        ...SettingsSchema.parse({ version: 1 }).validator.externalApi,
        whitelistedPublicKeys: [client.addFromUri('//Dave').address],
      },
      certDir: join(dir, 'cert'),
      externalIp: '127.0.0.1',
      api: devnet.api,
      hotkey: chainSignerFromKey(subnet.validators[0]!.hotkey, devnet.api.registry),
      netuid: subnet.netuid,
      testnet: false,
      sink,
      catalog,
      logger: silentLogger(),
      overrides: { host: '127.0.0.1', port: 0, keySize: 2048 },
    });
  const noSink: ExternalRequestSink = { submit: async () => ({ proof: 'p', publicSignals: [] }) };

  it('commits the certificate fingerprint once, and not again while it is unchanged', async () => {
    const first = await start(noSink);
    await first.server.close();
    expect(first.committed).toBe(true);
    expect(await readCommitment(devnet.api, subnet.netuid, subnet.validators[0]!.hotkey.address)).toBe(
      first.certificate.fingerprint,
    );
    const second = await start(noSink);
    await second.server.close();
    expect(second.certificate.fingerprint).toBe(first.certificate.fingerprint);
    expect(second.committed).toBe(false);
  });

  it('admits callers by the validator permits on chain', async () => {
    const { server, certificate } = await start(noSink);
    try {
      const now = Math.floor(Date.now() / 1000);
      const permitted = signAuthHeaders(subnet.validators[0]!.hotkey, now, subnet.netuid);
      const validator = await openRpc(server.port, certificate.fingerprint, permitted);
      expect(validator).toHaveProperty('ws');
      if ('ws' in validator) await closeAndWait(validator.ws);
      const miner = await openRpc(
        server.port,
        certificate.fingerprint,
        signAuthHeaders(minerKey, now, subnet.netuid),
      );
      expect(miner).toEqual({ status: 403 });
    } finally {
      await server.close();
    }
  });

  it('serves proof_of_computation through the validator queue and a local miner', async () => {
    const events: CoreEvent[] = [];
    const emit = (e: CoreEvent) => void events.push(e);
    const netuid = subnet.netuid;
    const minerUid = subnet.extraMiners[minerKey.address]!;
    const validatorKey = await Keypair.fromUri('//Charlie//vali-hot');
    const store = new CircuitStore({
      cacheDir: join(dir, 'circuits'),
      offlineDir: sharedPath('fixtures/sn2'),
    });
    const pool = createProverPool({ size: 1 });
    const prover = makeProver({ store, pool, srsDir: join(dir, 'srs'), ezkl: null });
    const miner = new Miner({
      hotkey: minerKey.address,
      server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
      prover: engineProver(store, prover),
      chain: minerChain(devnet.api, 'practice', netuid, minerKey),
      externalIp: '10.0.0.1',
      blacklist: { disabled: false, minStake: 0 },
      concurrency: 1,
      emit,
    });
    const axon = await miner.start();
    const transport = v10Client(validatorKey, { externalIp: '127.0.0.1' });
    const witnessWasm = (await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] }))[
      'circuit.wasm'
    ]!;
    const validator = new Validator({
      netuid,
      hotkey: validatorKey.address,
      chain: validatorChain(devnet.api, netuid, validatorKey, join(dir, 'pending-reveals.json')),
      client: transport,
      circuits: await validatorCircuits(store, prover, true),
      verify: engineVerifier(prover),
      witness: poolWitnessCalculator(pool, witnessWasm, POW_SCORING_WITNESS_PREFIX),
      statePath: join(dir, 'validator-state.json'),
      emit,
      queryable: { allowNonGlobalIps: true },
      resolveAxon: (uid, onChain) => (uid === minerUid ? { ip: '127.0.0.1', port: axon.port } : onChain),
      concurrency: 1,
      intervals: { weights: Number.MAX_SAFE_INTEGER, capacities: Number.MAX_SAFE_INTEGER },
    });
    const { server, certificate } = await start(
      validator.external,
      circuitCatalog(store, () => undefined, validateInput),
    );
    try {
      await validator.start();
      const caller = client.addFromUri('//Dave');
      const opened = await openRpc(
        server.port,
        certificate.fingerprint,
        signAuthHeaders(caller, Math.floor(Date.now() / 1000)),
      );
      if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
      const reply = (await roundTrip(opened.ws, {
        jsonrpc: '2.0',
        id: 'rwr',
        method: 'subnet-2.proof_of_computation',
        params: {
          circuit: PRACTICE_CIRCUIT_ID,
          input: {
            maximum_score: 0.125,
            previous_score: [0.1, 0, 0, 0, 0, 0, 0, 0],
            verified: [false, true, true, true, true, true, true, true],
            miner_uid: [0, 1, 2, 3, 4, 5, 6, 7],
          },
        },
      })) as { result?: { success: boolean; public_signals: unknown }; error?: unknown };
      await closeAndWait(opened.ws);
      expect(reply.error).toBeUndefined();
      expect(reply.result?.success).toBe(true);
      // Parsed JSON, as upstream's validator answers (`public_json`), not the miner's JSON text.
      const signals = reply.result!.public_signals as string[];
      expect(Array.isArray(signals)).toBe(true);
      // Miner 0 was not verified: 0.1 × 1e8 decays by RATE_OF_DECAY (0.4).
      expect(signals[0]).toBe(String(Math.floor((0.1 * 1e8 * (1e8 - 4e7)) / 1e8)));
      const proofs = events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
      expect(proofs.some((p) => p.role === 'miner' && p.circuitId === PRACTICE_CIRCUIT_ID)).toBe(true);
      expect(proofs.some((p) => p.role === 'validator' && p.status === 'verified')).toBe(true);
    } finally {
      await server.close();
      await validator.stop().catch(() => undefined);
      transport.close();
      await miner.stop().catch(() => undefined);
      await pool.close();
    }
  });
});
