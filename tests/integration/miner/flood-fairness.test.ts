import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Dendrite } from '../../../core/bittensor/wire/dendrite.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { Miner } from '../../../core/miner/miner.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import { QUERY_OUTPUT_ERROR } from '../../../core/sn2/constants.js';
import { QueryZkProof } from '../../../core/sn2/transport/v10-synapses.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/events.js';
import { processResponse } from '../../../core/validator/response/process-response.js';
import type { ProofVerifier } from '../../../core/validator/response/process-response.js';
import { countingProver } from '../../helpers/sn2/counting-prover.js';
import { practiceEngine, practiceQuery } from '../../helpers/sn2/practice-setup.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

const TIMEOUT_S = 30;
const FLOOD = 50;
const OTHERS = 3;

let pool: ProverPool;
let verifier: ProofVerifier;
let miner: Miner;
let counted: ReturnType<typeof countingProver>;
let minerKey: Keypair;
const events: CoreEvent[] = [];

beforeAll(async () => {
  const engine = practiceEngine(2);
  pool = engine.pool;
  verifier = engine.verifier;
  minerKey = await Keypair.fromUri('//Bob//flood-miner');
  counted = countingProver(engine.minerProver);
  // --no-chain: every caller allowed, so only the scheduler and the axon limits stand between a flood and the pool.
  miner = new Miner({
    hotkey: minerKey.address,
    server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
    prover: counted.prover,
    chain: null,
    blacklist: { disabled: false },
    concurrency: 2,
    emit: (e) => events.push(e),
  });
  await miner.start();
  // Warm both workers so the first proofs do not pay the worker start-up inside the measured requests.
  await Promise.all(
    [0, 1].map(() => counted.prover.prove(PRACTICE_CIRCUIT_ID, practiceQuery().input, { timeoutMs: 60_000 })),
  );
});

afterAll(async () => {
  await miner?.stop();
  await pool?.close();
});

describe('a flood from one validator hotkey does not starve the others (real concurrent dendrites)', () => {
  it('serves every request of the quiet validators in time; the flood gets queue-limit refusals', async () => {
    const [flooder, quietA, quietB] = await Promise.all(
      ['//Charlie//flood', '//Dave//quiet-a', '//Eve//quiet-b'].map((u) => Keypair.fromUri(u)),
    );
    const endpoint = miner.endpoint;
    if (!endpoint) throw new Error('miner not started');
    const target = { ip: '127.0.0.1', port: endpoint.port, hotkey: minerKey.address };
    // One dendrite per request: the axon keeps nonces per (hotkey, dendrite uuid), and concurrent calls
    // of one dendrite can reach it out of nonce order (401 "a newer one was last processed", as with the SDK).
    const send = async (key: Keypair) => {
      const dendrite = new Dendrite(key);
      const { synapse, input } = practiceQuery();
      const reply = await dendrite.call(target, QueryZkProof, synapse, { timeoutS: TIMEOUT_S });
      dendrite.close();
      return { reply, input };
    };
    const callsBefore = counted.calls();
    const flood = Array.from({ length: FLOOD }, () => send(flooder));
    const quiet = [quietA, quietB].flatMap((k) => Array.from({ length: OTHERS }, () => send(k)));
    const [floodReplies, quietReplies] = await Promise.all([Promise.all(flood), Promise.all(quiet)]);

    // Every quiet request: HTTP 200, inside its timeout, and a proof that verifies as v10 against its own input.
    for (const { reply, input } of quietReplies) {
      expect(reply.dendrite.status_code).toBe(200);
      expect(reply.dendrite.process_time ?? Infinity).toBeLessThan(TIMEOUT_S);
      const judged = await processResponse(
        { ok: true, processTime: reply.dendrite.process_time ?? undefined, deserialized: reply.query_output },
        {
          circuitId: PRACTICE_CIRCUIT_ID,
          proofSystem: 'CIRCOM',
          expectedInput: input,
          timeoutSeconds: TIMEOUT_S,
          maximumResponseTime: TIMEOUT_S,
          verify: verifier,
        },
      );
      expect(judged.verified).toBe(true);
    }

    // The flood: each reply is a proof, a scheduler refusal (§3.2 failure string, HTTP 200, logged
    // 'rejected'), or the axon's per-hotkey rate limit (HTTP 429) — never a hang past the timeout.
    const kinds = { proof: 0, queueRefusal: 0, rateLimited: 0 };
    for (const { reply } of floodReplies) {
      const status = reply.dendrite.status_code;
      if (status === 429) {
        expect(reply.dendrite.status_message).toBe(`Too many requests from hotkey ${flooder.address}`);
        kinds.rateLimited++;
      } else {
        expect(status).toBe(200);
        if (reply.query_output === QUERY_OUTPUT_ERROR) kinds.queueRefusal++;
        else {
          expect(reply.query_output).toMatch(/^\{"proof": "/);
          kinds.proof++;
        }
      }
    }
    expect(kinds.proof + kinds.queueRefusal + kinds.rateLimited).toBe(FLOOD);
    expect(kinds.queueRefusal).toBeGreaterThan(0);
    expect(kinds.proof).toBeGreaterThan(0);
    // Refused and rate-limited requests never reached the prover.
    expect(counted.calls() - callsBefore).toBe(kinds.proof + quietReplies.length);

    await new Promise((r) => setTimeout(r, 200));
    const log = events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
    const refusals = log.filter(
      (p: ProofLogEntry) => p.validatorHotkey === flooder.address && p.status === 'rejected',
    );
    expect(refusals).toHaveLength(kinds.queueRefusal);
    for (const r of refusals) expect(r.error).toBe(`too many requests in flight from ${flooder.address}`);
    expect(log.filter((p) => p.validatorHotkey !== flooder.address && p.status === 'rejected')).toHaveLength(
      0,
    );
  }, 120_000);
});
