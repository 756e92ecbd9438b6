import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePyJson, type PyDict } from '../../../core/bittensor/wire/index.js';
import { externalRequestHash } from '../../../core/validator/api/request-hash.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('externalRequestHash (spec §11 `hash`)', () => {
  it('hashes Python str(inputs) without validator_uid, nonce and uid_responsible_for_proof', () => {
    const inputs = parsePyJson(
      '{"nonce": 7, "b": [1.5, 2], "validator_uid": 3, "2": "x", "uid_responsible_for_proof": 1}',
    ) as PyDict;
    expect(externalRequestHash(inputs)).toBe(sha("{'b': [1.5, 2], '2': 'x'}"));
  });

  it('keeps the int/float distinction and big ints of the text', () => {
    const inputs = parsePyJson('{"a": 1.0, "b": 1, "c": 12345678901234567890, "d": 1e-05}') as PyDict;
    expect(externalRequestHash(inputs)).toBe(
      sha("{'a': 1.0, 'b': 1, 'c': 12345678901234567890, 'd': 1e-05}"),
    );
  });
});
