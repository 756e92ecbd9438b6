import { describe, expect, it } from 'vitest';
import { epochPosition } from '../../../core/sn2/epoch.js';
import { pyFloatRepr } from '../../../core/bittensor/wire/index.js';
import { pythonJsonDumps } from '../../../core/sn2/python-json.js';

describe('epoch arithmetic (§10.1)', () => {
  it.each([
    [4_999_846, 2, 13849, 0, 4_999_486],
    [4_999_847, 2, 13850, 360, 4_999_847],
    [5_000_000, 2, 13850, 207, 4_999_847],
    [5_000_207, 2, 13850, 0, 4_999_847],
    [5_000_208, 2, 13851, 360, 5_000_208],
    [5_000_000, 118, 13850, 91, 4_999_731],
  ])('block %i netuid %i', (block, netuid, epoch, left, start) => {
    expect(epochPosition(block, netuid)).toEqual({
      epoch,
      blocksUntilNextEpoch: left,
      epochStartBlock: start,
    });
  });
});

describe('Python json.dumps emulation', () => {
  it.each([
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e16, '1.5e+16'],
    [123456789.125, '123456789.125'],
    [-2.5e-7, '-2.5e-07'],
    [1e22, '1e+22'],
    [0.84999, '0.84999'],
  ])('repr(%f) = %s', (x, text) => expect(pyFloatRepr(x)).toBe(text));

  it('sorts keys, uses Python separators and escapes non-ASCII', () => {
    expect(
      pythonJsonDumps({ b: [1, 0.5, true, null], a: 'é\n', c: { z: 1, y: 'x' } }, { sortKeys: true }),
    ).toBe('{"a": "\\u00e9\\n", "b": [1, 0.5, true, null], "c": {"y": "x", "z": 1}}');
  });
});
