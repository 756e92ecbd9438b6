import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { Axon } from '../../../core/bittensor/wire/axon.js';
import { Miner } from '../../../core/miner/miner.js';
import type { ProverPool } from '../../../core/provers/pool.js';
import type { CoreEvent } from '../../../core/contract/events.js';
import { ComponentLifecycle } from '../../../core/service/node-runtime/component-lifecycle.js';
import { practiceEngine } from '../../helpers/sn2/practice-setup.js';
import { v10ServerOn } from '../../../core/sn2/transport/v10-server.js';

/** The axon's listening http.Server: the test makes it fail as a broken socket would. */
const httpServerOf = (axon: Axon): Server => (axon as unknown as { server: Server }).server;

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

let key: Keypair;
let pool: ProverPool;
let engine: ReturnType<typeof practiceEngine>;

beforeAll(async () => {
  key = await Keypair.fromUri('//Bob//health-miner');
  engine = practiceEngine(1);
  pool = engine.pool;
});

afterAll(async () => {
  await pool?.close();
});

describe('axon server failure after start', () => {
  it('is handed to onError listeners and never thrown into the process', async () => {
    const axon = new Axon(key, { port: 0, host: '127.0.0.1', verifyThreads: 0 });
    const server = v10ServerOn(axon);
    await server.start();
    const seen: string[] = [];
    const off = server.onError((e) => seen.push(e.message));
    httpServerOf(axon).emit('error', new Error('accept EMFILE'));
    expect(seen).toEqual(['accept EMFILE']);
    off();
    // Nobody listening: still not an uncaught 'error' event.
    expect(() => httpServerOf(axon).emit('error', new Error('accept EMFILE'))).not.toThrow();
    expect(seen).toHaveLength(1);
    await server.stop();
  });

  it('takes the miner to error through its health hook, and the lifecycle releases it', async () => {
    const events: CoreEvent[] = [];
    const axon = new Axon(key, { port: 0, host: '127.0.0.1', verifyThreads: 0 });
    const miner = new Miner({
      hotkey: key.address,
      prover: engine.minerProver,
      chain: null,
      blacklist: { disabled: true },
      concurrency: 1,
      emit: (e) => events.push(e),
      server: v10ServerOn(axon),
    });
    const life = new ComponentLifecycle('miner', (e) => events.push(e));
    let port = 0;
    await life.start(async () => {
      port = (await miner.start()).port;
      return {
        stats: () => miner.stats(),
        inFlight: () => miner.inFlight,
        onFailure: (l) => miner.onFailure(l),
        stop: () => miner.stop(),
      };
    });
    expect(life.status().state).toBe('running');
    expect(await accepts(port)).toBe(true);

    httpServerOf(axon).emit('error', new Error('accept ENFILE: file table overflow'));

    await expect.poll(() => life.status().state).toBe('error');
    expect(life.status().detail).toBe(
      'miner stopped unexpectedly: the axon server failed: accept ENFILE: file table overflow',
    );
    // Released: the miner was stopped and its port closed.
    await expect.poll(() => accepts(port)).toBe(false);
    expect(events.some((e) => e.type === 'status' && e.state === 'error')).toBe(true);
  });
});
