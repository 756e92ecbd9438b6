import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertWeightsAndUidsForEmit } from '../../../core/chain/weights/normalize.js';
import { commitHash, commitPreimage } from '../../../core/chain/weights/commit-hash.js';
import { sharedPath } from '../../helpers/shared.js';
import { u8aToHex } from '@polkadot/util';

const load = <T>(name: string): T => JSON.parse(readFileSync(sharedPath('vectors', name), 'utf8')) as T;

describe('convertWeightsAndUidsForEmit (weights.json)', () => {
  const vectors = load<{
    cases: Array<{ uids: number[]; weights: number[]; out_uids: number[]; out_values: number[] }>;
    errors: Array<{ uids: number[]; weights: number[]; case: string; error: string }>;
  }>('weights.json');

  it.each(vectors.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    expect(convertWeightsAndUidsForEmit(c.uids, c.weights)).toEqual({
      uids: c.out_uids,
      values: c.out_values,
    });
  });

  it.each(vectors.errors.map((e) => [e.case, e] as const))('rejects %s with the SDK message', (_name, e) => {
    expect(() => convertWeightsAndUidsForEmit(e.uids, e.weights)).toThrow(e.error);
  });

  it('rounds half to even and drops zeros (spec §7.2 examples)', () => {
    expect(convertWeightsAndUidsForEmit([0, 1], [65535, 2.5])).toEqual({ uids: [0, 1], values: [65535, 2] });
    expect(convertWeightsAndUidsForEmit([0, 1], [65535, 0.5])).toEqual({ uids: [0], values: [65535] });
    expect(convertWeightsAndUidsForEmit([5, 9, 12], [0, 0.5, 0.25])).toEqual({
      uids: [9, 12],
      values: [65535, 32768],
    });
    expect(convertWeightsAndUidsForEmit([1, 2], [0, 0])).toEqual({ uids: [], values: [] });
  });
});

describe('commit hash (commit-hash.json)', () => {
  const vectors = load<{
    cases: Array<{
      hotkey_pub: string;
      netuid: number;
      uids: number[];
      values: number[];
      salt: number[];
      version_key: number;
      preimage_hex: string;
      commit_hash: string;
    }>;
  }>('commit-hash.json');

  it.each(vectors.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const reveal = {
      hotkey: `0x${c.hotkey_pub}`,
      netuid: c.netuid,
      uids: c.uids,
      values: c.values,
      salt: c.salt,
      versionKey: c.version_key,
    };
    expect(u8aToHex(commitPreimage(reveal))).toBe(c.preimage_hex);
    expect(commitHash(reveal)).toBe(c.commit_hash);
  });
});
