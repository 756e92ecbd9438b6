import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import { parsePyJson, pyRepr, pyStr, type PyValue } from '../../../core/validator/api/python-repr.js';
import { externalRequestHash } from '../../../core/validator/api/request-hash.js';
import { createHash } from 'node:crypto';

interface VectorCase {
  case: string;
  value: Record<string, unknown>;
  str: string;
  repr: string;
}

/** The vector encoding → PyValue; tuples and non-string dict keys cannot come from JSON and are skipped. */
function fromVector(v: Record<string, unknown>): PyValue | undefined {
  const [kind, x] = Object.entries(v)[0]!;
  switch (kind) {
    case 'int':
      return { py: 'int', lexeme: x as string };
    case 'float': {
      const lexeme =
        ({ nan: 'NaN', inf: 'Infinity', '-inf': '-Infinity' } as Record<string, string>)[x as string] ??
        (x as string);
      return { py: 'float', lexeme };
    }
    case 'bool':
      return x as boolean;
    case 'none':
      return null;
    case 'str':
      return x as string;
    case 'list': {
      const items = (x as Array<Record<string, unknown>>).map(fromVector);
      return items.includes(undefined) ? undefined : (items as PyValue[]);
    }
    case 'dict': {
      const entries: Array<readonly [string, PyValue]> = [];
      for (const [k, val] of x as Array<[Record<string, unknown>, Record<string, unknown>]>) {
        const key = fromVector(k);
        const value = fromVector(val);
        if (typeof key !== 'string' || value === undefined) return undefined;
        entries.push([key, value]);
      }
      return { py: 'dict', entries };
    }
    default:
      return undefined;
  }
}

describe('Python str()/repr() of JSON values', () => {
  const { cases } = JSON.parse(readFileSync(sharedPath('vectors', 'python-str.json'), 'utf8')) as {
    cases: VectorCase[];
  };
  const usable = cases.map((c) => ({ c, v: fromVector(c.value) })).filter((x) => x.v !== undefined);

  it('covers most of the shared vectors', () => {
    expect(usable.length).toBeGreaterThan(cases.length - 6);
  });

  it.each(usable.map(({ c, v }) => [c.case, v!, c.str, c.repr] as const))('%s', (_name, value, str, repr) => {
    expect(pyStr(value)).toBe(str);
    expect(pyRepr(value)).toBe(repr);
  });
});

describe('parsePyJson', () => {
  it('keeps key order, int vs float and big ints as Python json.loads does', () => {
    const v = parsePyJson(
      '{"b": 1, "2": 1.0, "big": 12345678901234567890, "e": 1E-5, "l": [true, null, "x\'"]}',
    );
    expect(pyStr(v)).toBe(
      `{'b': 1, '2': 1.0, 'big': 12345678901234567890, 'e': 1e-05, 'l': [True, None, "x'"]}`,
    );
  });

  it('keeps the first position and last value of a repeated key', () => {
    expect(pyStr(parsePyJson('{"a": 1, "b": 2, "a": 3}'))).toBe("{'a': 3, 'b': 2}");
  });

  it.each(['', '{', '[1,]', '{"a" 1}', '01', '"\u0001"', 'nul', '{} x', '1.', '-'])('rejects %j', (text) => {
    expect(() => parsePyJson(text)).toThrow(SyntaxError);
  });

  it('refuses nesting beyond the limit instead of overflowing the stack', () => {
    expect(() => parsePyJson('['.repeat(100_000))).toThrow(/nesting/);
  });
});

describe('externalRequestHash', () => {
  it('hashes Python str(inputs) without validator_uid, nonce and uid_responsible_for_proof', () => {
    const inputs = parsePyJson(
      '{"nonce": 7, "b": [1.5, 2], "validator_uid": 3, "2": "x", "uid_responsible_for_proof": 1}',
    );
    const expected = createHash('sha256').update("{'b': [1.5, 2], '2': 'x'}").digest('hex');
    expect(externalRequestHash(inputs as Extract<PyValue, { py: 'dict' }>)).toBe(expected);
  });
});
