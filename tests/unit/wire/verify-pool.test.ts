import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { VerifyPool } from '../../../core/bittensor/wire/verify-pool.js';

await cryptoWaitReady();
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
const message = 'nonce.hotkey.axon.uuid.hash';
const signature = alice.sign(message);

/** The pool's current workers (private on purpose; a test reaches in to kill one as a crash would). */
const workersOf = (pool: VerifyPool) =>
  (pool as unknown as { lanes: Array<{ worker: Worker }> }).lanes.map((l) => l.worker);
const nextTurn = () => new Promise((done) => setImmediate(done));

let pool: VerifyPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('VerifyPool', () => {
  it('verifies on its worker', async () => {
    pool = new VerifyPool(1);
    await expect(pool.verify(alice.publicKey, message, signature)).resolves.toBe(true);
    await expect(pool.verify(alice.publicKey, `${message}x`, signature)).resolves.toBe(false);
  });

  it('fails the requests a dying worker held with a clear error, and serves the next ones on a new worker', async () => {
    pool = new VerifyPool(1);
    await pool.verify(alice.publicKey, message, signature);
    const first = workersOf(pool)[0]!;
    const held = Array.from({ length: 200 }, () => pool!.verify(alice.publicKey, message, signature));
    await nextTurn(); // the batch is posted to the worker
    await first.terminate();
    const settled = await Promise.allSettled(held);
    const rejected = settled.filter((s) => s.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected)
      expect(String((r as PromiseRejectedResult).reason)).toMatch(
        /signature check worker exited.*not verified/,
      );
    for (const s of settled) if (s.status === 'fulfilled') expect(s.value).toBe(true);
    expect(workersOf(pool)[0]).not.toBe(first);
    await expect(pool.verify(alice.publicKey, message, signature)).resolves.toBe(true);
  });

  it('stops respawning a worker that keeps dying, and still answers (inline)', async () => {
    pool = new VerifyPool(1);
    for (let i = 0; i < 7; i++) {
      const worker = workersOf(pool)[0]!;
      await worker.terminate();
      await nextTurn();
    }
    await expect(pool.verify(alice.publicKey, message, signature)).resolves.toBe(true);
  });
});
