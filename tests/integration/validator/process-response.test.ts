import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import type { ProofResult } from '../../../core/miner/circuit-prover.js';
import { encodeQueryOutput } from '../../../core/miner/routes/query-zk-proof.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import { groth16ProofSize } from '../../../core/provers/groth16/public-signals.js';
import { DEFAULT_PROOF_SIZE } from '../../../core/sn2/constants.js';
import {
  processResponse,
  type ProcessOptions,
  type ProofVerifier,
  type RawResponse,
} from '../../../core/validator/response/process-response.js';
import { practiceEngine } from '../../helpers/sn2/practice-setup.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';

// §8.6 parsing rules on one real practice proof, judged by the real v10 verifier.
let pool: ProverPool;
let verifier: ProofVerifier;
let proof: ProofResult;
let input: Record<string, unknown>;

beforeAll(async () => {
  const engine = practiceEngine(1);
  pool = engine.pool;
  verifier = engine.verifier;
  input = generateInput(PRACTICE_CIRCUIT_ID);
  proof = await engine.minerProver.prove(PRACTICE_CIRCUIT_ID, input, {});
});

afterAll(async () => {
  await pool?.close();
});

const MAX_RT = 17;
const judge = (deserialized: unknown, over: Partial<RawResponse> = {}, o: Partial<ProcessOptions> = {}) =>
  processResponse(
    { ok: true, processTime: 1.25, deserialized, ...over },
    {
      circuitId: PRACTICE_CIRCUIT_ID,
      proofSystem: 'CIRCOM',
      expectedInput: input,
      timeoutSeconds: 60,
      maximumResponseTime: MAX_RT,
      verify: verifier,
      ...o,
    },
  );
const unverified = (failure: string) => ({
  verified: false,
  responseTime: MAX_RT,
  proofSize: DEFAULT_PROOF_SIZE,
  failure,
});

describe('validator response processing (§8.6) with real proofs', () => {
  it('verified: the response time is process_time, the proof size the Groth16 rule', async () => {
    const r = await judge(encodeQueryOutput(proof));
    expect(r).toMatchObject({ verified: true, responseTime: 1.25 });
    expect(r.proofSize).toBe(groth16ProofSize(JSON.parse(proof.proof)));
  });

  it('accepts proof and public signals as JSON values instead of JSON texts (step 3: non-string as is)', async () => {
    const asValues = JSON.stringify({
      proof: JSON.parse(proof.proof) as unknown,
      public_signals: JSON.parse(proof.publicSignals) as unknown,
    });
    expect(await judge(asValues)).toMatchObject({ verified: true });
  });

  it('ProofOfWeights: a deserialised object, judged the same way', async () => {
    const r = await judge({ inputs: input, proof: proof.proof, public_signals: proof.publicSignals });
    expect(r).toMatchObject({ verified: true, responseTime: 1.25 });
  });

  it('no reply (transport error or timeout): unverified at the maximum response time', async () => {
    expect(await judge(null, { ok: false, processTime: undefined })).toMatchObject(unverified('no response'));
  });

  it('a reply that is not JSON: empty response', async () => {
    expect(await judge('')).toMatchObject(unverified('empty response'));
    expect(await judge('An error occurred')).toMatchObject(unverified('miner answered "An error occurred"'));
  });

  it('missing proof defaults to "{}" and is not verified; a hex-only proof stays a string', async () => {
    expect(await judge(JSON.stringify({ public_signals: proof.publicSignals }))).toMatchObject(
      unverified('no proof in the response'),
    );
    const hex = await judge(JSON.stringify({ proof: 'abc123', public_signals: proof.publicSignals }));
    expect(hex).toMatchObject({ ...unverified('proof did not verify'), proof: 'abc123' });
  });

  it('missing public signals default to "[]": too short to pin, not verified', async () => {
    const r = await judge(JSON.stringify({ proof: proof.proof }));
    expect(r).toMatchObject(unverified('proof did not verify'));
    expect(r.publicSignals).toEqual([]);
  });

  it('a proof for these signals but another input is not verified (inputs are pinned, §6.1)', async () => {
    const other = generateInput(PRACTICE_CIRCUIT_ID);
    expect(await judge(encodeQueryOutput(proof), {}, { expectedInput: other })).toMatchObject(
      unverified('proof did not verify'),
    );
  });
});
