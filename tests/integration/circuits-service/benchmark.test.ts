import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { PRACTICE_CIRCUIT_ID, SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../../core/circuits/constants.js';
import type { CoreEvent } from '../../../core/contract/index.js';

const core = new CoreService({ dataDir: mkdtempSync(join(tmpdir(), 'sn2-bench-')), logger: silentLogger() });
// The JS prover, whatever native prover this checkout holds (a packaging run leaves one in resources/bin).
core.context.settings.update({ prover: { preferNative: false } });
afterAll(() => core.close());

describe('circuits and the hardware benchmark through CoreService', () => {
  it('lists every circuit with whether this machine can serve it, and why not', async () => {
    const circuits = await core.invoke('circuits.list', {});
    const practice = circuits.find((c) => c.id === PRACTICE_CIRCUIT_ID)!;
    expect(practice).toMatchObject({ proofSystem: 'CIRCOM', available: true });
    const pow = circuits.find((c) => c.id === SINGLE_PROOF_OF_WEIGHTS_MODEL_ID)!;
    expect(pow.available).toBe(false);
    expect(pow.reason).toBeTruthy();
    expect(circuits.filter((c) => c.proofSystem === 'EZKL').every((c) => !c.available && c.reason)).toBe(
      true,
    );
  });

  it('proves the practice circuit for real, with progress, and explains a circuit it cannot prove', async () => {
    const progress: Extract<CoreEvent, { type: 'progress' }>[] = [];
    const off = core.onEvent((e) => e.type === 'progress' && progress.push(e));
    const report = await core.invoke('hardware.benchmark', {
      circuits: [PRACTICE_CIRCUIT_ID, SINGLE_PROOF_OF_WEIGHTS_MODEL_ID],
      runs: 2,
    });
    off();
    const [practice, pow] = report.circuits;
    expect(practice).toMatchObject({ circuitId: PRACTICE_CIRCUIT_ID, runs: 2, ok: true });
    expect(practice.p50Ms).toBeGreaterThan(0);
    expect(practice.minMs!).toBeLessThanOrEqual(practice.maxMs!);
    expect(practice.prover).toMatch(/snarkjs/);
    expect(pow).toMatchObject({
      circuitId: SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
      ok: false,
      runs: 0,
      p50Ms: null,
    });
    expect(pow.error).toBeTruthy();
    expect(progress.map((p) => [p.done, p.finished])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });

  it('refuses an unknown circuit id with a clear error', async () => {
    await expect(core.invoke('hardware.benchmark', { circuits: ['f'.repeat(64)] })).rejects.toThrow(
      /circuit/i,
    );
  });
});
