import { floatToFelt } from '../../circuits/felt.js';
import type { EzklSettings } from '../../circuits/settings.js';
import type { CircuitInput } from '../../circuits/inputs/types.js';

/** Raised when a proof or input cannot go through the validator's instance replacement. */
export class EzklInstanceError extends Error {
  override readonly name = 'EzklInstanceError';
}

/**
 * The instances a v10 validator substitutes (sn2-protocol §6.2 step 2): every element of every input
 * array, in key order, as `float_to_felt(x, model_input_scales[i], input_types[i])`.
 *
 * A circuit whose inputs are private has no input instances (its first instances are outputs), so there
 * is nothing to pin. v10 substitutes regardless, which would overwrite outputs and reject every honest
 * proof; all v10 circuits have public inputs, so for them this is the same as upstream.
 */
export function expectedInputFelts(settings: EzklSettings, input: CircuitInput): string[] {
  if (settings.run_args.input_visibility === 'Private') return [];
  const felts: string[] = [];
  Object.values(input).forEach((value, i) => {
    const scale = settings.model_input_scales[i];
    const type = settings.input_types?.[i] ?? 'F32';
    if (scale === undefined) throw new EzklInstanceError(`input ${i} has no scale in settings.json`);
    const items = Array.isArray(value) ? value.flat(Infinity) : [value];
    for (const x of items) {
      const n = typeof x === 'boolean' ? Number(x) : x;
      if (typeof n !== 'number')
        throw new EzklInstanceError(`input ${i} holds a non-number ${JSON.stringify(x)}`);
      felts.push(floatToFelt(n, scale, type));
    }
  });
  return felts;
}

/**
 * Steps 3–4: keep only the first instance column, replace its leading entries with the validator's
 * input felts (the outputs stay as the miner sent them), and force `transcript_type` to "EVM".
 */
export function replaceInstances(
  proof: Record<string, unknown>,
  inputFelts: string[],
): Record<string, unknown> {
  const instances = proof.instances;
  if (!Array.isArray(instances) || !Array.isArray(instances[0])) {
    throw new EzklInstanceError('proof has no instances');
  }
  const first = instances[0] as unknown[];
  return {
    ...proof,
    instances: [[...inputFelts, ...first.slice(inputFelts.length)]],
    transcript_type: 'EVM',
  };
}

/** The input file the EZKL prover reads (§5.6): the input's values in key order. */
export const ezklInputFile = (input: CircuitInput): string =>
  JSON.stringify({ input_data: Object.values(input) });
