import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { compareProofWithModel } from '../../../core/provers/ezkl/onnx-check.js';
import { EzklSettingsSchema } from '../../../core/circuits/settings.js';
import { sharedPath } from '../../helpers/shared.js';

const tiny = (f: string) => sharedPath('fixtures/ezkl-tiny', f);
let pool: ProverPool;
beforeAll(() => {
  pool = createProverPool({ size: 1 });
});
afterAll(() => pool.close());

describe('@ezkljs/engine in a worker: ezkl-tiny full pipeline', () => {
  it('regenerates the keys, proves, verifies, rejects a forged output and matches ONNX', async () => {
    const compiledPath = tiny('model.compiled');
    const srsPath = tiny('kzg');
    const input = readFileSync(tiny('input.json'), 'utf8');
    const witness = await pool.run({ kind: 'ezkl.genWitness', compiledPath, inputJson: input });
    expect(Buffer.from(witness).equals(readFileSync(tiny('witness.json')))).toBe(true);

    const vk = await pool.run({ kind: 'ezkl.genVk', compiledPath, srsPath });
    expect(createHash('sha256').update(vk).digest('hex')).toBe(
      'ee2bb1b9a16380f1b818aa9e0befc68b3bb54cc2a1e0874b486d9cdbdae66806',
    );
    const pk = await pool.run({ kind: 'ezkl.genPk', vk, compiledPath, srsPath });
    expect(createHash('sha256').update(pk).digest('hex')).toBe(
      'c92c5468374afc234bf83edbdba834d6dd696909c0a905d259924f316387d603',
    );
    const proofBytes = await pool.run({ kind: 'ezkl.prove', witness, pkPath: pk, compiledPath, srsPath });
    const proofJson = Buffer.from(proofBytes).toString('utf8');
    const settingsPath = tiny('settings.json');
    expect(await pool.run({ kind: 'ezkl.verify', proofJson, vkPath: vk, settingsPath, srsPath })).toBe(true);

    const proof = JSON.parse(proofJson) as { instances: string[][] };
    const forged = structuredClone(proof);
    forged.instances[0][0] = '05' + forged.instances[0][0].slice(2);
    const verdict = await pool
      .run({ kind: 'ezkl.verify', proofJson: JSON.stringify(forged), vkPath: vk, settingsPath, srsPath })
      .catch(() => false);
    expect(verdict).toBe(false);
    // The stale stored vk.key does not match the circuit: rejected.
    const stale = await pool
      .run({ kind: 'ezkl.verify', proofJson, vkPath: tiny('vk.key'), settingsPath, srsPath })
      .catch(() => false);
    expect(stale).toBe(false);

    // ONNX inference of the same input agrees with the proven outputs within one quantisation step (scale 0).
    const data = JSON.parse(input) as { input_data: number[][] };
    const settings = EzklSettingsSchema.parse(JSON.parse(readFileSync(settingsPath, 'utf8')));
    const model = { onnxPath: tiny('network.onnx'), settings, input: { x: data.input_data[0] } };
    const check = await compareProofWithModel({ ...model, instances: proof.instances[0] });
    expect(check.expected).toHaveLength(4);
    expect(check.maxSteps).toBeLessThanOrEqual(1);
    // A forged output is far from the model.
    const wrong = await compareProofWithModel({ ...model, instances: forged.instances[0] });
    expect(wrong.maxSteps).toBeGreaterThan(1);
  }, 120_000);
});
