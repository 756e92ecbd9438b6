import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import {
  BaseSynapse,
  bodyHash,
  defineSynapse,
  parsePyJson,
  parseSynapseJson,
  py,
  pyStr,
  required,
  sha3Hex,
  withDefault,
  type SynapseDefinition,
} from '../../../core/bittensor/wire/index.js';
import { decodeTyped, type Typed } from './decode-typed.js';
import { ExampleSynapse } from './example-synapse.js';

const vectors = JSON.parse(readFileSync(sharedPath('vectors', 'body-hash.json'), 'utf8')) as {
  cases: Array<{
    case: string;
    synapse: string;
    request_body_json: string;
    fields: Array<{ field: string; python_value: Typed; str: string; sha3_256: string }>;
    body_hash: string;
  }>;
};

const Inner = py.model('Inner', { z: withDefault(py.int, 0n), a: withDefault(py.float, 0.5) });

const definitions: Record<string, SynapseDefinition> = {
  ExampleSynapse,
  Synapse: BaseSynapse,
  NoHashSynapse: defineSynapse('NoHashSynapse', {
    prompt: required(py.str),
    completion: withDefault(py.optional(py.str), null),
  }),
  TypedSynapse: defineSynapse(
    'TypedSynapse',
    {
      query: required(py.str),
      count: withDefault(py.int, 0n),
      scores: withDefault(py.list(py.float), []),
      ids: withDefault(py.list(py.int), []),
      flag: withDefault(py.bool, false),
      note: withDefault(py.optional(py.str), null),
      inner: withDefault(Inner, { z: 0n, a: 0.5 }),
      meta: withDefault(py.dict(), new Map()),
      big: withDefault(py.int, 0n),
    },
    { requiredHashFields: ['meta', 'inner', 'note', 'flag', 'ids', 'scores', 'count', 'query', 'big'] },
  ),
  ReorderedSynapse: defineSynapse(
    'ReorderedSynapse',
    { a: withDefault(py.str, ''), b: withDefault(py.str, '') },
    { requiredHashFields: ['b', 'a'] },
  ),
};

describe('body hash (vectors/body-hash.json)', () => {
  for (const c of vectors.cases) {
    it(c.case, () => {
      const def = definitions[c.synapse];
      const synapse = parseSynapseJson(def, parsePyJson(c.request_body_json));
      const values = synapse as unknown as Record<string, unknown>;
      for (const f of c.fields) {
        const pyValue = def.fields[f.field].type.toPy(values[f.field]);
        expect(pyValue).toEqual(decodeTyped(f.python_value));
        expect(pyStr(pyValue)).toBe(f.str);
        expect(sha3Hex(f.str)).toBe(f.sha3_256);
      }
      expect(bodyHash(def, synapse)).toBe(c.body_hash);
    });
  }
});
