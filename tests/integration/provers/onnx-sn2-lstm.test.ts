import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareProofWithModel, runOnnx } from '../../../core/provers/ezkl/onnx-check.js';
import { expectedInputFelts } from '../../../core/provers/ezkl/instances.js';
import { EzklSettingsSchema } from '../../../core/circuits/settings.js';
import { floatToFelt } from '../../../core/circuits/felt.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { sharedPath } from '../../helpers/shared.js';

const LSTM = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';
const file = (name: string) => sharedPath('fixtures/sn2', `model_${LSTM}`, name);
const settings = EzklSettingsSchema.parse(JSON.parse(readFileSync(file('settings.json'), 'utf8')));

describe("SN2's LSTM model (network.onnx) in onnxruntime-node", () => {
  it('infers one output for a benchmark input, and reads it back from a proof layout of 5 inputs + 1 output', async () => {
    const input = generateInput(LSTM);
    const [outputs] = await runOnnx(file('network.onnx'), Object.values(input) as number[][]);
    expect(outputs).toHaveLength(1);
    expect(Number.isFinite(outputs[0])).toBe(true);

    const inputFelts = expectedInputFelts(settings, input);
    expect(inputFelts).toHaveLength(5);
    const onnxPath = file('network.onnx');
    // A proof whose output is the model's, quantised at scale 13: at most half a step away.
    const honest = [...inputFelts, floatToFelt(outputs[0], settings.model_output_scales[0], 'F32')];
    const c = await compareProofWithModel({ onnxPath, settings, input, instances: honest });
    expect(c.expected).toEqual(outputs);
    expect(c.maxSteps).toBeLessThanOrEqual(0.5);
    // An output 40 steps off is reported as such.
    const off = [...inputFelts, floatToFelt(outputs[0] + 40 / 8192, 13, 'F32')];
    expect((await compareProofWithModel({ onnxPath, settings, input, instances: off })).maxSteps).toBeCloseTo(
      40,
      0,
    );
    // A proof without the input instances has no output where the model has one.
    await expect(
      compareProofWithModel({ onnxPath, settings, input, instances: honest.slice(5) }),
    ).rejects.toThrow(/0 output instances for tensor 0, the model 1/);
  });
});
