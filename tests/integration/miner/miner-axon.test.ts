import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Dendrite } from '../../../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse, toPlain, type PyValue } from '../../../core/bittensor/wire/index.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { engineProver } from '../../../core/miner/engine-prover.js';
import { Miner } from '../../../core/miner/miner.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver, type Prover } from '../../../core/provers/prover.js';
import { engineVerifier } from '../../../core/validator/response/engine-verifier.js';
import { processResponse } from '../../../core/validator/response/process-response.js';
import {
  Competition,
  ProofOfWeightsSynapse,
  QueryForCapacities,
  QueryZkProof,
} from '../../../core/sn2/transport/v10-synapses.js';
import type { CoreEvent } from '../../../core/contract/events.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const pool = createProverPool({ size: 1 });
let prover: Prover;
let store: CircuitStore;
let miner: Miner;
let port: number;
let validatorKey: Keypair;
let minerKey: Keypair;
const events: CoreEvent[] = [];

beforeAll(async () => {
  store = new CircuitStore({ cacheDir: mkdtempSync(join(tmpdir(), 'sn2-miner-')), offlineDir: null });
  prover = makeProver({ store, pool, srsDir: mkdtempSync(join(tmpdir(), 'sn2-miner-srs-')), ezkl: null });
  minerKey = await Keypair.fromUri('//Bob//miner-test');
  validatorKey = await Keypair.fromUri('//Charlie//vali-test');
  miner = new Miner({
    hotkey: minerKey.address,
    server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
    prover: engineProver(store, prover),
    chain: null,
    blacklist: { disabled: false },
    concurrency: 2,
    emit: (e) => events.push(e),
  });
  port = (await miner.start()).port;
});

afterAll(async () => {
  await miner?.stop();
  await pool.close();
});

const target = () => ({ ip: '127.0.0.1', port, hotkey: minerKey.address });

describe('miner over a real axon (--no-chain)', () => {
  it('proves a QueryZkProof with the double encoding of §3.2 and the proof verifies as v10', async () => {
    const input = generateInput(PRACTICE_CIRCUIT_ID);
    const dendrite = new Dendrite(validatorKey);
    const synapse = parseSynapse(QueryZkProof, {
      query_input: new Map<string, PyValue>([
        ['public_inputs', fromPlain(input)],
        ['model_id', PRACTICE_CIRCUIT_ID],
      ]),
      query_output: '',
    });
    const reply = await dendrite.call(target(), QueryZkProof, synapse, { timeoutS: 60 });
    dendrite.close();
    expect(reply.dendrite.status_code).toBe(200);
    const outer = JSON.parse(reply.query_output ?? '') as { proof: string; public_signals: string };
    expect(reply.query_output).toMatch(/^\{"proof": "/);
    expect(JSON.parse(outer.proof)).toMatchObject({ protocol: 'groth16', curve: 'bn128' });
    const judged = await processResponse(
      { ok: true, processTime: reply.dendrite.process_time ?? undefined, deserialized: reply.query_output },
      {
        circuitId: PRACTICE_CIRCUIT_ID,
        proofSystem: 'CIRCOM',
        expectedInput: input,
        timeoutSeconds: 60,
        maximumResponseTime: 60,
        verify: engineVerifier(prover),
      },
    );
    expect(judged).toMatchObject({ verified: true });
    expect(judged.proofSize).toBeGreaterThan(100);
    // A different expected input (what a cheating miner would prove) does not verify.
    const other = { ...input, previous_score: (input.previous_score as number[]).map((v) => v + 1) };
    const wrong = await processResponse(
      { ok: true, processTime: 1, deserialized: reply.query_output },
      {
        circuitId: PRACTICE_CIRCUIT_ID,
        proofSystem: 'CIRCOM',
        expectedInput: other,
        timeoutSeconds: 60,
        maximumResponseTime: 42,
        verify: engineVerifier(prover),
      },
    );
    expect(wrong).toMatchObject({ verified: false, responseTime: 42, proofSize: 5000 });
  });

  it('answers the failure strings of §3.2 and an unchanged ProofOfWeights for an unknown circuit', async () => {
    const dendrite = new Dendrite(validatorKey);
    const empty = await dendrite.call(
      target(),
      QueryZkProof,
      parseSynapse(QueryZkProof, { query_input: new Map(), query_output: '' }),
      { timeoutS: 12 },
    );
    expect(empty.query_output).toBe('Empty query input');
    const unknown = await dendrite.call(
      target(),
      QueryZkProof,
      parseSynapse(QueryZkProof, {
        query_input: fromPlain({ public_inputs: { a: 1 }, model_id: 'f'.repeat(64) }),
        query_output: '',
      }),
      { timeoutS: 12 },
    );
    expect(unknown.query_output).toBe('An error occurred');
    const pow = await dendrite.call(
      target(),
      ProofOfWeightsSynapse,
      parseSynapse(ProofOfWeightsSynapse, {
        verification_key_hash: 'f'.repeat(64),
        inputs: fromPlain({ a: 1 }),
        proof: '',
        public_signals: '',
      }),
      { timeoutS: 12 },
    );
    expect(pow.dendrite.status_code).toBe(200);
    expect([pow.proof, pow.public_signals]).toEqual(['', '']);
    const caps = await dendrite.call(target(), QueryForCapacities, parseSynapse(QueryForCapacities, {}), {
      timeoutS: 12,
    });
    const capacities = toPlain(caps.capacities as PyValue) as Record<string, number>;
    expect(capacities[PRACTICE_CIRCUIT_ID]).toBe(400);
    expect(Object.values(capacities).filter((v) => v === 0).length).toBeGreaterThan(0);
    const comp = await dendrite.call(
      target(),
      Competition,
      parseSynapse(Competition, { id: 1, hash: 'h', file_name: 'commitment' }),
      { timeoutS: 12 },
    );
    expect(comp.error).toBe('Circuit manager not initialized');
    dendrite.close();
  });

  it('logs every request as a proof-log entry with timings', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const proofs = events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
    const ok = proofs.find((p) => p.status === 'self-checked');
    expect(ok).toMatchObject({
      role: 'miner',
      route: 'QueryZkProof',
      circuitId: PRACTICE_CIRCUIT_ID,
      validatorHotkey: validatorKey.address,
    });
    expect(ok?.proveMs).toBeGreaterThan(0);
    expect(ok?.verifyMs).toBeGreaterThan(0);
    expect(proofs.some((p) => p.status === 'rejected' && p.error === 'Empty query input')).toBe(true);
    expect(events.some((e) => e.type === 'circuitStats')).toBe(true);
  });
});
