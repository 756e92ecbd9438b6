import type { Dendrite } from '../bittensor/wire/dendrite.js';
import type { ValidatorDendrite } from './validator-ports.js';

/** The wire dendrite as the validator loop uses it: SDK status model, `process_time` only on a reply. */
export function validatorDendrite(d: Dendrite): ValidatorDendrite {
  return {
    async call(target, def, synapse, timeoutSeconds) {
      const s = await d.call(target, def, synapse, { timeoutS: timeoutSeconds });
      const status = s.dendrite.status_code ?? 0;
      return {
        synapse: status === 200 ? s : undefined,
        statusCode: status,
        statusMessage: s.dendrite.status_message ?? '',
        processTime: status === 200 ? (s.dendrite.process_time ?? undefined) : undefined,
      };
    },
  };
}
