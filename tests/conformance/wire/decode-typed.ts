import { PyTuple, type PyValue } from '../../../core/bittensor/wire/index.js';

/** The typed value encoding of shared/vectors (README "Typed value encoding") → Python values. */
export type Typed =
  | { int: string }
  | { float: string }
  | { str: string }
  | { bool: boolean }
  | { none: null }
  | { list: Typed[] }
  | { tuple: Typed[] }
  | { dict: Array<[Typed, Typed]> };

export function decodeTyped(t: Typed): PyValue {
  if ('int' in t) return BigInt(t.int);
  if ('float' in t) {
    const f = t.float.toLowerCase();
    if (f === 'nan') return NaN;
    if (f === 'inf') return Infinity;
    if (f === '-inf') return -Infinity;
    return Number(t.float);
  }
  if ('str' in t) return t.str;
  if ('bool' in t) return t.bool;
  if ('none' in t) return null;
  if ('list' in t) return t.list.map(decodeTyped);
  if ('tuple' in t) return new PyTuple(t.tuple.map(decodeTyped));
  return new Map(t.dict.map(([k, v]) => [decodeTyped(k) as string, decodeTyped(v)]));
}
