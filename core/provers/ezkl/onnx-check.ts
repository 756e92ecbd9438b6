/**
 * Expected outputs of an EZKL circuit's model, computed with onnxruntime-node, and how far a proof's
 * output instances are from them in quantisation steps.
 *
 *   const outputs = await runOnnx(onnxPath, [[1.5, 0.5, 1.2]]);      // flat outputs per tensor
 *   const c = await compareProofWithModel({ onnxPath, settings, input, instances: proof.instances[0] });
 *   c.maxSteps                                                         // worst difference, in 2^-scale steps
 */
import { feltToFloat } from '../../circuits/felt.js';
import type { EzklSettings } from '../../circuits/settings.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';
import { expectedInputFelts } from './instances.js';

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

export interface ModelComparison {
  /** The float model's outputs, flattened across output tensors. */
  expected: number[];
  /** The proof's output instances, dequantised at each tensor's scale. */
  proven: number[];
  maxError: number;
  /** The largest difference in quantisation steps (2^-scale) of its tensor. */
  maxSteps: number;
}

/**
 * Run the circuit's model (network.onnx) on `input` and compare its outputs with the proof's public
 * output instances (after the public input instances), each dequantised at its tensor's scale. How far
 * a correct proof may drift depends on the model's depth; this reports the distance, it judges nothing.
 */
export async function compareProofWithModel(args: {
  onnxPath: string;
  settings: EzklSettings;
  input: CircuitInput;
  instances: string[];
}): Promise<ModelComparison> {
  const { settings } = args;
  if (settings.run_args.output_visibility !== 'Public')
    throw new Error(`the circuit's outputs are ${settings.run_args.output_visibility}, not public`);
  const inputs = Object.values(args.input).map((v) =>
    (Array.isArray(v) ? v.flat(Infinity) : [v]).map(Number),
  );
  const tensors = await runOnnx(args.onnxPath, inputs);
  let at = expectedInputFelts(settings, args.input).length;
  const expected: number[] = [];
  const proven: number[] = [];
  let maxError = 0;
  let maxSteps = 0;
  tensors.forEach((values, t) => {
    const scale = settings.model_output_scales[t] ?? 0;
    const felts = args.instances.slice(at, at + values.length);
    if (felts.length !== values.length)
      throw new Error(
        `the proof has ${felts.length} output instances for tensor ${t}, the model ${values.length}`,
      );
    at += values.length;
    values.forEach((e, i) => {
      const p = feltToFloat(felts[i], scale);
      const error = Math.abs(p - e);
      expected.push(e);
      proven.push(p);
      maxError = Math.max(maxError, error);
      maxSteps = Math.max(maxSteps, error / 2 ** -scale);
    });
  });
  return { expected, proven, maxError, maxSteps };
}
