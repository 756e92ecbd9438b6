import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/events.js';
import type { Sn2Client } from '../../../core/sn2/transport/sn2-transport.js';
import { ValidatorStateSchema, type ValidatorState } from '../../../core/validator/scoring/score-store.js';
import { Validator } from '../../../core/validator/validator.js';
import type {
  RevealReport,
  ValidatorChain,
  ValidatorMetagraph,
} from '../../../core/validator/validator-ports.js';

/*
 * The validator's loop against its chain port. The port here is a chain that never answers weight
 * submissions (the devnet counterpart, a node that never builds the block, is the submitExtrinsic
 * deadline test in tests/integration/chain/weights-hardening.test.ts); what is under test is the loop.
 */
const metagraph: ValidatorMetagraph = {
  block: 1000,
  neurons: [
    { uid: 0, hotkey: '5Validator', stake: 2000, validatorPermit: true, lastUpdate: 0, axon: null },
    {
      uid: 1,
      hotkey: '5Miner',
      stake: 0,
      validatorPermit: false,
      lastUpdate: 0,
      axon: { ip: '8.8.8.8', port: 1 },
    },
  ],
};
const noClient = new Proxy({} as Sn2Client, {
  get: () => () => Promise.reject(new Error('no miner in this test')),
});

/** A persisted scoring state in which the miner (uid 1) has a score, so there are weights to set. */
function seededState(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sn2-vloop-')), 'state.json');
  const state: ValidatorState = {
    version: 1,
    netuid: 2,
    hotkey: '5Validator',
    scores: [0, 0.5],
    evaluation: {},
    queue: [],
    lastBatchStep: 0,
    savedAt: Date.now(),
  };
  writeFileSync(path, JSON.stringify(ValidatorStateSchema.parse(state)));
  return path;
}

function validator(chain: ValidatorChain, events: CoreEvent[]): Validator {
  return new Validator({
    netuid: 2,
    hotkey: '5Validator',
    chain,
    client: noClient,
    circuits: new Map(),
    verify: () => Promise.reject(new Error('unused')),
    witness: { calculate: () => Promise.reject(new Error('unused')) } as never,
    statePath: seededState(),
    emit: (e) => void events.push(e),
    weightGate: { rateLimit: 0, buffer: 100_000 },
    intervals: { weights: 0, capacities: Number.MAX_SAFE_INTEGER },
  });
}

describe('validator loop and weights', () => {
  let v: Validator | undefined;
  afterEach(async () => {
    await v?.stop();
    v = undefined;
  });

  it('keeps querying while a weight submission hangs, with one submission in flight', async () => {
    let submissions = 0;
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const chain: ValidatorChain = {
      metagraph: async () => metagraph,
      setWeights: async () => {
        submissions++;
        await hung;
        return { block: 1001, method: 'set_weights' };
      },
      revealPending: async () => [],
    };
    v = validator(chain, []);
    await v.start();
    await expect.poll(() => submissions, { timeout: 5_000 }).toBe(1);
    const before = v.counters.requested;
    await expect.poll(() => v!.counters.requested, { timeout: 5_000 }).toBeGreaterThan(before + 3);
    expect(submissions).toBe(1);
    release();
    await expect
      .poll(() => v!.counters.weights.filter((w) => w.ok).length, { timeout: 5_000 })
      .toBeGreaterThan(0);
  });

  it('reports reveals as weights events, and warns when committed weights can never be revealed', async () => {
    const events: CoreEvent[] = [];
    const reports: RevealReport[] = [
      { ok: true, block: 990, uids: [1], detail: 'revealed 0xaa', final: true },
      {
        ok: false,
        uids: [1],
        detail: 'commit 0xbb not revealed: its reveal window (blocks 900–950) has passed',
        final: true,
      },
    ];
    const chain: ValidatorChain = {
      metagraph: async () => metagraph,
      setWeights: async () => ({ block: 1001, method: 'commit' }),
      revealPending: async () => reports.splice(0),
    };
    v = validator(chain, events);
    await v.start();
    await expect
      .poll(() => events.filter((e) => e.type === 'weights' && e.method === 'reveal').length)
      .toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'weights', method: 'reveal', ok: true, block: 990, uids: [1] }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'log',
        level: 'warn',
        msg: expect.stringMatching(/0xbb not revealed: .*window.*: those weights never counted$/),
      }),
    );
  });
});
