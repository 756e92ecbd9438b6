import { describe, expect, it } from 'vitest';
import {
  dumpPyJson,
  parsePyJson,
  PYTHON_DUMPS,
  STARLETTE_RESPONSE,
  PyJsonError,
} from '../../../core/bittensor/wire/index.js';

describe('parsePyJson (json.loads semantics)', () => {
  it('keeps ints exact, floats as numbers, key order, duplicates like Python', () => {
    const v = parsePyJson('{"b": 1, "2": 1.0, "n": 1723000000123456789, "e": 1e+16, "b": 3}') as Map<
      string,
      unknown
    >;
    expect([...v.keys()]).toEqual(['b', '2', 'n', 'e']);
    expect(v.get('b')).toBe(3n);
    expect(v.get('2')).toBe(1);
    expect(v.get('n')).toBe(1723000000123456789n);
    expect(v.get('e')).toBe(1e16);
  });

  it('accepts NaN/Infinity and escapes, rejects what Python rejects', () => {
    expect(parsePyJson('[NaN, Infinity, -Infinity, "\\u00fc\\n"]')).toEqual([
      NaN,
      Infinity,
      -Infinity,
      'ü\n',
    ]);
    for (const bad of [
      '',
      '{',
      '[1,]',
      '{"a" 1}',
      '"\u0001"',
      '01',
      '1 2',
      '{"a":1,}',
      'tru',
      '"\\x41"',
      '-',
    ]) {
      expect(() => parsePyJson(bad), bad).toThrow(PyJsonError);
    }
    expect(() => parsePyJson('['.repeat(10_000))).toThrow(PyJsonError);
    expect(() => parsePyJson('9'.repeat(4301))).toThrow(PyJsonError);
  });
});

describe('dumpPyJson', () => {
  const v = new Map<string, unknown>([
    ['s', 'ü✓"\u007f'],
    ['f', 1],
    ['i', 5n],
    ['l', [1e-5, null, true]],
  ]) as never;
  it('json.dumps defaults (Python dendrite): spaces, ASCII escapes, float repr', () => {
    expect(dumpPyJson(v, PYTHON_DUMPS)).toBe(
      '{"s": "\\u00fc\\u2713\\"\\u007f", "f": 1.0, "i": 5, "l": [1e-05, null, true]}',
    );
  });
  it('Starlette (axon reply): compact UTF-8, NaN refused', () => {
    expect(dumpPyJson(v, STARLETTE_RESPONSE)).toBe('{"s":"ü✓\\"\u007f","f":1.0,"i":5,"l":[1e-05,null,true]}');
    expect(() => dumpPyJson([NaN], STARLETTE_RESPONSE)).toThrow(PyJsonError);
    expect(dumpPyJson([NaN, -Infinity], PYTHON_DUMPS)).toBe('[NaN, -Infinity]');
  });
});
