/**
 * The worker's cached witness calculators give the same `.wtns` bytes as snarkjs's own
 * `wtns.calculate` (which compiles the wasm at every call), notice a replaced circuit file, and
 * recover from a witness that failed.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snarkjs from 'snarkjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { PRACTICE_CIRCUIT_DIR } from '../../../core/circuits/store.js';
import { calculateWtns } from '../../../core/provers/worker/witness-calculators.js';
import { tinyCircuit, type TinyCircuit } from '../../helpers/provers/tiny-circuit.js';

const curves = (
  snarkjs as unknown as { curves: { getCurveFromName(n: string): Promise<{ terminate(): Promise<void> }> } }
).curves;
const practiceWasm = join(PRACTICE_CIRCUIT_DIR, 'circuit.wasm');
let chain: TinyCircuit;

async function snarkjsWtns(wasmPath: string, input: Record<string, unknown>): Promise<Buffer> {
  const out = join(mkdtempSync(join(tmpdir(), 'sn2-wtns-ref-')), 'w.wtns');
  await snarkjs.wtns.calculate(input as snarkjs.CircuitSignals, wasmPath, out);
  return readFileSync(out);
}

beforeAll(async () => {
  chain = await tinyCircuit(20);
});
afterAll(async () => {
  await (await curves.getCurveFromName('bn128')).terminate();
});

describe('cached witness calculators', () => {
  it('give snarkjs’s bytes for every input, again and again', async () => {
    for (let i = 0; i < 3; i++) {
      const input = generateInput(PRACTICE_CIRCUIT_ID);
      const ours = await calculateWtns(practiceWasm, input);
      expect(ours).not.toBeNull();
      expect(Buffer.from(ours as Uint8Array).equals(await snarkjsWtns(practiceWasm, input))).toBe(true);
    }
  });

  it('compile a replaced circuit file afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-wasm-'));
    const wasm = join(dir, 'circuit.wasm');
    copyFileSync(practiceWasm, wasm);
    const practiceInput = generateInput(PRACTICE_CIRCUIT_ID);
    expect(Buffer.from((await calculateWtns(wasm, practiceInput)) as Uint8Array)).toEqual(
      await snarkjsWtns(practiceWasm, practiceInput),
    );
    copyFileSync(chain.wasm, wasm);
    expect(Buffer.from((await calculateWtns(wasm, chain.input)) as Uint8Array)).toEqual(
      await snarkjsWtns(chain.wasm, chain.input),
    );
  });

  it('report a bad input and serve the next good one', async () => {
    await expect(calculateWtns(chain.wasm, { x: '3' })).rejects.toThrow(/Not enough values|Signal|input/i);
    await expect(calculateWtns(chain.wasm, { x: '3', y: '5', z: '1' })).rejects.toThrow(/signal z/i);
    expect(Buffer.from((await calculateWtns(chain.wasm, chain.input)) as Uint8Array)).toEqual(
      await snarkjsWtns(chain.wasm, chain.input),
    );
  });

  it('leave a circom 1 circuit (one that imports its memory) to snarkjs', async () => {
    // A module whose only content is circom 1's import: (import "env" "memory" (memory 1)).
    const module = Buffer.from('0061736d01000000020f0103656e76066d656d6f7279020001', 'hex');
    const wasm = join(mkdtempSync(join(tmpdir(), 'sn2-wasm-')), 'circuit.wasm');
    writeFileSync(wasm, module);
    expect(await calculateWtns(wasm, chain.input)).toBeNull();
  });

  it('say when the circuit file is missing', async () => {
    await expect(calculateWtns(join(tmpdir(), 'no-such-circuit.wasm'), chain.input)).rejects.toThrow(
      /ENOENT/,
    );
  });
});
