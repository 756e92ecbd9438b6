import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { pyRepr, pyStr } from '../../../core/bittensor/wire/index.js';
import { decodeTyped, type Typed } from './decode-typed.js';

const vectors = JSON.parse(readFileSync(sharedPath('vectors', 'python-str.json'), 'utf8')) as {
  cases: Array<{ case: string; value: Typed; str: string; repr: string }>;
};

describe('CPython str()/repr() emulation (vectors/python-str.json)', () => {
  it('has the vectors', () => expect(vectors.cases.length).toBeGreaterThanOrEqual(67));
  for (const c of vectors.cases) {
    it(c.case, () => {
      const v = decodeTyped(c.value);
      expect(pyStr(v)).toBe(c.str);
      expect(pyRepr(v)).toBe(c.repr);
    });
  }
});
