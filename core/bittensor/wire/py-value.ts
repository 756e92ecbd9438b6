/**
 * Python values as the SN2/bittensor wire sees them, kept distinct in TypeScript:
 *
 * | Python            | TypeScript                         |
 * |-------------------|------------------------------------|
 * | `int`             | `bigint` (arbitrary size, never a JS number) |
 * | `float`           | `number` (so `1.0` stays a float)  |
 * | `str`             | `string`                           |
 * | `bool` / `None`   | `boolean` / `null`                 |
 * | `list`            | `PyValue[]`                        |
 * | `tuple`           | `PyTuple`                          |
 * | `dict`            | `Map` (keeps insertion order, also for integer-like keys that JS objects would reorder) |
 */
export type PyKey = string | bigint | number | boolean | null;
export type PyDict = Map<PyKey, PyValue>;
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyTuple | PyDict;

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/**
 * JSON-shaped JS data → Python values, exactly as `json.loads(JSON.stringify(value))` would give:
 * integral numbers become ints, other numbers floats, objects dicts in JS key order.
 */
export function fromPlain(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
    case 'bigint':
      return value;
    case 'number':
      return Number.isInteger(value) ? BigInt(value) : value;
    case 'object':
      if (Array.isArray(value)) return value.map(fromPlain);
      if (value instanceof Map) return new Map([...value].map(([k, v]) => [k as PyKey, fromPlain(v)]));
      return new Map(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
    default:
      throw new TypeError(`cannot convert a ${typeof value} to a Python value`);
  }
}

/**
 * Python values → JSON-shaped JS data (dicts become objects, tuples arrays). Ints within the safe
 * range become numbers, larger ones stay bigint. Lossy for key order of integer-like keys: use it
 * only where that does not matter (handing an input to a prover, display).
 */
export function toPlain(value: PyValue): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof PyTuple) return value.items.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    // defineProperty, not `out[k] =`: a caller's "__proto__" key stays data, never the object's prototype.
    for (const [k, v] of value)
      Object.defineProperty(out, String(k), {
        value: toPlain(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

export const isPyDict = (v: unknown): v is PyDict => v instanceof Map;
