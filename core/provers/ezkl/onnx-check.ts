/**
 * Expected outputs of an EZKL circuit's model, computed with onnxruntime-node, and the cross-check of a
 * proof's output instances against them within the quantisation tolerance.
 *
 *   const expected = await runOnnx(onnxPath, [[1.5, 0.5, 1.2]]);             // flat outputs per tensor
 *   crossCheckOutputs(expected.flat(), outputFelts, scale, { steps: 1 })      // { ok, maxError, tolerance }
 */
import { feltToFloat } from '../../circuits/felt.js';

type Ort = typeof import('onnxruntime-node');
let ort: Promise<Ort> | null = null;
const loadOrt = () => (ort ??= import('onnxruntime-node'));

/** Run the model on one float32 tensor per input (shapes from the model, batch 1). */
export async function runOnnx(onnxPath: string, inputs: number[][]): Promise<number[][]> {
  const { InferenceSession, Tensor } = await loadOrt();
  const session = await InferenceSession.create(onnxPath);
  try {
    const feeds: Record<string, InstanceType<typeof Tensor>> = {};
    session.inputNames.forEach((name, i) => {
      const data = Float32Array.from(inputs[i] ?? []);
      const meta = session.inputMetadata[i] as { shape?: ReadonlyArray<number | string> } | undefined;
      const dims = (meta?.shape ?? [1, data.length]).map((d) => (typeof d === 'number' && d > 0 ? d : 1));
      // Put the element count in the last dynamic/mismatching dimension.
      const known = dims.reduce((a, b) => a * b, 1);
      if (known !== data.length) dims.splice(0, dims.length, 1, data.length);
      feeds[name] = new Tensor('float32', data, dims);
    });
    const results = await session.run(feeds);
    return session.outputNames.map((n) => Array.from(results[n].data as Float32Array));
  } finally {
    await session.release();
  }
}

export interface CrossCheck {
  ok: boolean;
  maxError: number;
  tolerance: number;
  proven: number[];
}

/**
 * Compare the proof's output felts (dequantised at `scale`) with the model's float outputs: they agree
 * when every difference is at most `steps` quantisation steps (2^-scale each).
 */
export function crossCheckOutputs(
  expected: number[],
  outputFelts: string[],
  scale: number,
  options: { steps?: number } = {},
): CrossCheck {
  const proven = outputFelts.map((f) => feltToFloat(f, scale));
  const tolerance = (options.steps ?? 1) * 2 ** -scale;
  const maxError =
    proven.length === expected.length
      ? Math.max(0, ...proven.map((p, i) => Math.abs(p - expected[i])))
      : Infinity;
  return { ok: maxError <= tolerance, maxError, tolerance, proven };
}
