import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { validateInput } from '../../../core/circuits/inputs/registry.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { makeProver, type Prover } from '../../../core/provers/prover.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { ensureApiCertificate, type ApiCertificate } from '../../../core/validator/api/certificate.js';
import { circuitCatalog } from '../../../core/validator/api/circuit-catalog.js';
import { ExternalApiServer } from '../../../core/validator/api/server.js';
import { signAuthHeaders } from '../../../core/validator/api/auth-headers.js';
import type { ExternalProofRequest, ExternalRequestSink } from '../../../core/validator/api/types.js';
import { closeAndWait, httpsGet, openRpc, roundTrip } from './tls-client.js';

/**
 * Stands in for the validator's queue and its miner: processes the caller's input as the validator does,
 * proves it with the real prover pool (snarkjs), and verifies the proof before answering.
 */
class ProvingSink implements ExternalRequestSink {
  verified = 0;
  constructor(private readonly prover: Prover) {}
  async submit(req: ExternalProofRequest) {
    const input = validateInput(req.circuitId, req.inputs);
    const proof = await this.prover.prove(req.circuitId, input, { signal: req.signal });
    const check = await this.prover.verify(req.circuitId, input, proof.proofText, proof.publicSignalsText);
    if (!check.verified) throw new Error(`proof did not verify: ${check.reason}`);
    this.verified++;
    return { proof: proof.proof, publicSignals: proof.publicSignals };
  }
}

let dir: string;
let pool: ProverPool;
let sink: ProvingSink;
let cert: ApiCertificate;
let api: ExternalApiServer;
const alice = () => new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

beforeAll(async () => {
  await cryptoWaitReady();
  dir = mkdtempSync(join(tmpdir(), 'sn2-api-practice-'));
  pool = createProverPool({ size: 1 });
  const store = new CircuitStore({ cacheDir: join(dir, 'cache'), offlineDir: null });
  sink = new ProvingSink(makeProver({ store, pool, srsDir: join(dir, 'srs'), ezkl: null }));
  cert = await ensureApiCertificate(join(dir, 'cert'), { commonName: '127.0.0.1', keySize: 2048 });
  api = await ExternalApiServer.start({
    host: '127.0.0.1',
    port: 0,
    tls: cert,
    sink,
    catalog: circuitCatalog(store, () => undefined, validateInput),
    permits: { validatorPermits: async () => [] },
    whitelistedPublicKeys: [alice().address],
    logger: silentLogger(),
  });
});

afterAll(async () => {
  await api?.close();
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('proof_of_computation served end to end with a real proof', () => {
  it('lists the practice circuit and proves a caller input for it', async () => {
    const listed = JSON.parse((await httpsGet(api.port, '/circuits', cert.fingerprint)).body) as Array<{
      id: string;
    }>;
    expect(listed.map((c) => c.id)).toContain(PRACTICE_CIRCUIT_ID);

    const opened = await openRpc(
      api.port,
      cert.fingerprint,
      signAuthHeaders(alice(), Math.floor(Date.now() / 1000)),
    );
    if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
    const input = {
      maximum_score: 0.125,
      previous_score: [0, 0.1, 0.125, 0.05, 0, 0.01, 0.02, 0.03],
      verified: [true, false, true, true, false, false, true, true],
      miner_uid: [0, 1, 2, 3, 4, 5, 6, 7],
    };
    const reply = (await roundTrip(opened.ws, {
      jsonrpc: '2.0',
      id: 'practice',
      method: 'subnet-2.proof_of_computation',
      params: { circuit: PRACTICE_CIRCUIT_ID, input },
    })) as {
      result: { success: boolean; hash: string; proof: { protocol: string }; public_signals: string[] };
    };
    await closeAndWait(opened.ws);

    expect(reply.result.success).toBe(true);
    expect(reply.result.proof.protocol).toBe('groth16');
    // EMA of the circuit for miner 1 (not verified): 0.1 × 1e8 decays by RATE_OF_DECAY (0.4).
    expect(reply.result.public_signals[1]).toBe(String(Math.floor((0.1 * 1e8 * (1e8 - 4e7)) / 1e8)));
    expect(reply.result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sink.verified).toBe(1);
  });

  it('answers an input the circuit refuses with invalid params naming the field, before queueing', async () => {
    const opened = await openRpc(
      api.port,
      cert.fingerprint,
      signAuthHeaders(alice(), Math.floor(Date.now() / 1000)),
    );
    if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`);
    const reply = (await roundTrip(opened.ws, {
      jsonrpc: '2.0',
      id: 2,
      method: 'subnet-2.proof_of_computation',
      params: { circuit: PRACTICE_CIRCUIT_ID, input: { maximum_score: 2 } },
    })) as { error: { code: number; data: string } };
    await closeAndWait(opened.ws);
    expect(reply.error.code).toBe(-32602);
    expect(reply.error.data).toMatch(/invalid input .*maximum_score/);
    expect(sink.verified).toBe(1);
  });
});
