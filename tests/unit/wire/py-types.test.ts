import { describe, expect, it } from 'vitest';
import {
  createSynapse,
  defineSynapse,
  parseSynapse,
  py,
  required,
  SynapseValidationError,
  withDefault,
} from '../../../core/bittensor/wire/index.js';

describe('pydantic lax coercion', () => {
  it('int / float / bool / str', () => {
    expect(py.int.validate('  7 ', 'x')).toBe(7n);
    expect(py.int.validate(2.0, 'x')).toBe(2n);
    expect(py.int.validate(true, 'x')).toBe(1n);
    expect(() => py.int.validate(2.5, 'x')).toThrow(SynapseValidationError);
    expect(() => py.int.validate('1e3', 'x')).toThrow(SynapseValidationError);
    expect(py.float.validate(3n, 'x')).toBe(3);
    expect(py.float.validate('inf', 'x')).toBe(Infinity);
    expect(py.bool.validate('YES', 'x')).toBe(true);
    expect(() => py.bool.validate(2n, 'x')).toThrow(SynapseValidationError);
    expect(() => py.str.validate(5n, 'x')).toThrow(SynapseValidationError);
    expect(() => py.safeInt.validate(2n ** 60n, 'x')).toThrow(SynapseValidationError);
    expect(py.castInt.validate(12.9, 'x')).toBe(12); // bittensor cast_int = Python int()
  });

  it('containers, optional, enum with normalisation', () => {
    expect(py.list(py.float).validate([1n, 0.5], 'x')).toEqual([1, 0.5]);
    expect(() => py.list(py.str).validate(new Map(), 'x')).toThrow(SynapseValidationError);
    expect(py.dict(py.safeInt).validate(new Map([['a', '3']]), 'x')).toEqual(new Map([['a', 3]]));
    expect(py.optional(py.str).validate(null, 'x')).toBe(null);
    const ps = py.strEnum('ProofSystem', ['CIRCOM', 'EZKL'], (s) => s.toUpperCase());
    expect(ps.validate('ezkl', 'x')).toBe('EZKL');
    expect(() => ps.validate('jolt', 'x')).toThrow(SynapseValidationError);
  });

  it('synapse construction: name forced, unknown keys ignored, required enforced, defaults copied', () => {
    const S = defineSynapse('S', { a: required(py.str), tags: withDefault(py.list(py.str), []) });
    const one = parseSynapse(
      S,
      new Map<string, unknown>([
        ['a', 'x'],
        ['name', 'Other'],
        ['junk', 1n],
      ]),
    );
    expect(one.name).toBe('S');
    expect('junk' in one).toBe(false);
    one.tags.push('mutated');
    expect(createSynapse(S, { a: 'y' }).tags).toEqual([]);
    expect(() => parseSynapse(S, new Map())).toThrow(/S\.a: Field required/);
    expect(() => defineSynapse('S', { timeout: required(py.str) })).toThrow(/shadows a base Synapse field/);
    expect(() => defineSynapse('S', { a: required(py.str) }, { requiredHashFields: ['b' as 'a'] })).toThrow(
      /unknown field/,
    );
  });
});
