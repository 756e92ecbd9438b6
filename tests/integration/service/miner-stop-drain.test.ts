import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Dendrite } from '../../../core/bittensor/wire/dendrite.js';
import { fromPlain, parseSynapse, type PyValue } from '../../../core/bittensor/wire/index.js';
import { CircuitStore } from '../../../core/circuits/store.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { engineProver } from '../../../core/miner/engine-prover.js';
import { Miner } from '../../../core/miner/miner.js';
import { createProverPool } from '../../../core/provers/pool.js';
import { makeProver, type Prover } from '../../../core/provers/prover.js';
import { QueryZkProof } from '../../../core/sn2/transport/v10-synapses.js';
import type { CoreEvent } from '../../../core/contract/events.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';

/** A real proof (engine worker pool) that starts late, so stop() is called while it is in flight. */
function slowProver(prover: Prover): Prover {
  return {
    ...prover,
    async prove(...args) {
      await new Promise((r) => setTimeout(r, 1_500));
      return prover.prove(...args);
    },
  };
}

describe('Miner.stop during a proof (what miner.stop and shutdown rely on)', () => {
  it('lets the proof finish and reply before the axon closes', async () => {
    const store = new CircuitStore({ cacheDir: mkdtempSync(join(tmpdir(), 'sn2-drain-')), offlineDir: null });
    const pool = createProverPool({ size: 1 });
    const srsDir = mkdtempSync(join(tmpdir(), 'sn2-drain-srs-'));
    const prover = slowProver(makeProver({ store, pool, srsDir, ezkl: null }));
    const minerKey = await Keypair.fromUri('//Bob//drain-miner');
    const events: CoreEvent[] = [];
    const miner = new Miner({
      hotkey: minerKey.address,
      server: v10Server(minerKey, { port: 0, host: '127.0.0.1' }),
      prover: engineProver(store, prover),
      chain: null,
      blacklist: { disabled: true },
      concurrency: 1,
      emit: (e) => events.push(e),
    });
    const { port } = await miner.start();
    const dendrite = new Dendrite(await Keypair.fromUri('//Charlie//drain-vali'));
    const synapse = parseSynapse(QueryZkProof, {
      query_input: new Map<string, PyValue>([
        ['public_inputs', fromPlain(generateInput(PRACTICE_CIRCUIT_ID))],
        ['model_id', PRACTICE_CIRCUIT_ID],
      ]),
      query_output: '',
    });
    const reply = dendrite.call({ ip: '127.0.0.1', port, hotkey: minerKey.address }, QueryZkProof, synapse, {
      timeoutS: 60,
    });
    while (miner.inFlight === 0) await new Promise((r) => setTimeout(r, 20));
    await miner.stop();
    const answered = await reply;
    dendrite.close();
    await pool.close();
    expect(answered.dendrite.status_code).toBe(200);
    expect(answered.query_output).toMatch(/^\{"proof": "/);
    expect(events.some((e) => e.type === 'proof' && e.entry.status === 'self-checked')).toBe(true);
  }, 60_000);
});
