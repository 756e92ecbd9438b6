import { defineSynapse, py, required, withDefault } from '../../../core/bittensor/wire/index.js';

/** `ExampleSynapse` of shared/vectors/body-hash.json and axon-request.json. */
export const ExampleSynapse = defineSynapse(
  'ExampleSynapse',
  {
    prompt: required(py.str),
    temperature: withDefault(py.float, 0.7),
    tags: withDefault(py.list(py.str), []),
    options: withDefault(py.dict(), new Map()),
    completion: withDefault(py.optional(py.str), null),
  },
  { requiredHashFields: ['prompt', 'temperature', 'tags', 'options'] },
);
