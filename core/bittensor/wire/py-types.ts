import { PyTuple, type PyDict, type PyKey, type PyValue } from './py-value.js';

/**
 * Declared Python field types and pydantic v2 lax-mode validation (what `Class(**json.loads(body))`
 * does to each value). Every type validates both JSON-parsed Python values and the TypeScript form
 * it produces, so the same function builds synapses from the wire and from code.
 */
export interface PyType<T> {
  /** The annotation as written in Python, for error messages and docs. */
  readonly pythonName: string;
  validate(value: unknown, path: string): T;
  /** The Python value after validation: what gets hashed, serialised and sent in headers. */
  toPy(value: T): PyValue;
}

export type TsOf<P> = P extends PyType<infer T> ? T : never;

export class SynapseValidationError extends Error {
  override readonly name = 'SynapseValidationError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

const typeName = (v: unknown): string =>
  v === null
    ? 'None'
    : typeof v === 'bigint'
      ? 'int'
      : typeof v === 'number'
        ? 'float'
        : Array.isArray(v)
          ? 'list'
          : v instanceof Map
            ? 'dict'
            : typeof v;

const INT_STR = /^[+-]?\d(?:_?\d)*$/;
const FLOAT_STR = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*|\d(?:_?\d)*\.)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
const MAX_INT_DIGITS = 4300;

/** Python `int(s)` for a str: surrounding whitespace, a sign and `_` between digits allowed. */
export function parseIntText(s: string): bigint | undefined {
  const t = s.trim();
  if (!INT_STR.test(t) || t.length > MAX_INT_DIGITS + 1) return undefined;
  return BigInt(t.replaceAll('_', ''));
}

/** Python `float(s)` for a str. */
export function parseFloatText(s: string): number | undefined {
  const t = s.trim();
  const special = FLOAT_SPECIAL.exec(t);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_STR.test(t)) return undefined;
  return Number(t.replaceAll('_', ''));
}

function intFromNumber(n: number, path: string): bigint {
  if (!Number.isFinite(n))
    throw new SynapseValidationError(path, 'cannot convert float NaN/infinity to integer');
  if (!Number.isInteger(n))
    throw new SynapseValidationError(
      path,
      'Input should be a valid integer, got a number with a fractional part',
    );
  return BigInt(n);
}

function laxInt(v: unknown, path: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return intFromNumber(v, path);
  if (typeof v === 'string') {
    const n = parseIntText(v);
    if (n !== undefined) return n;
    throw new SynapseValidationError(
      path,
      'Input should be a valid integer, unable to parse string as an integer',
    );
  }
  throw new SynapseValidationError(path, `Input should be a valid integer, got ${typeName(v)}`);
}

function toSafe(n: bigint, path: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new SynapseValidationError(path, 'integer out of the supported range (±2^53)');
  }
  return Number(n);
}

function laxFloat(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new SynapseValidationError(path, 'int too large to convert to float');
    return n;
  }
  if (typeof v === 'string') {
    const n = parseFloatText(v);
    if (n !== undefined) return n;
    throw new SynapseValidationError(
      path,
      'Input should be a valid number, unable to parse string as a number',
    );
  }
  throw new SynapseValidationError(path, `Input should be a valid number, got ${typeName(v)}`);
}

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

function laxBool(v: unknown, path: string): boolean {
  if (typeof v === 'boolean') return v;
  if ((typeof v === 'bigint' || typeof v === 'number') && (v == 0 || v == 1)) return v == 1;
  if (typeof v === 'string') {
    const w = v.toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
  }
  throw new SynapseValidationError(path, 'Input should be a valid boolean');
}

const identity = <T extends PyValue>(v: T): PyValue => v;

/** Python `str`. */
export const str: PyType<string> = {
  pythonName: 'str',
  validate(v, path) {
    if (typeof v === 'string') return v;
    throw new SynapseValidationError(path, `Input should be a valid string, got ${typeName(v)}`);
  },
  toPy: identity,
};

/** Python `int`, exact (bigint). Use for values that may exceed 2^53 (nonces, balances). */
export const int: PyType<bigint> = { pythonName: 'int', validate: laxInt, toPy: identity };

/** Python `int` held as a JS number (ports, uids, counts); values beyond ±2^53 are rejected. */
export const safeInt: PyType<number> = {
  pythonName: 'int',
  validate: (v, path) => toSafe(laxInt(v, path), path),
  toPy: (v) => BigInt(v),
};

/** Python `float`. */
export const float: PyType<number> = { pythonName: 'float', validate: laxFloat, toPy: identity };

/** Python `bool`. */
export const bool: PyType<boolean> = { pythonName: 'bool', validate: laxBool, toPy: identity };

/** `Any` (and untyped `list`/`dict` elements): the JSON value as Python parsed it, unchanged. */
export const any: PyType<PyValue> = {
  pythonName: 'Any',
  validate(v, path) {
    return asPyValue(v, path);
  },
  toPy: identity,
};

function asPyValue(v: unknown, path: string): PyValue {
  if (v === null || ['boolean', 'bigint', 'number', 'string'].includes(typeof v)) return v as PyValue;
  if (Array.isArray(v)) return v.map((x, i) => asPyValue(x, `${path}[${i}]`));
  if (v instanceof PyTuple) return v;
  if (v instanceof Map) return v as PyDict;
  if (typeof v === 'object') return plainObjectToDict(v as Record<string, unknown>, path, asPyValue);
  throw new SynapseValidationError(path, `not a Python value (${typeof v})`);
}

function plainObjectToDict<T>(
  o: Record<string, unknown>,
  path: string,
  each: (v: unknown, path: string) => T,
): Map<string, T> {
  return new Map(Object.entries(o).map(([k, v]) => [k, each(v, `${path}.${k}`)]));
}

/** `Optional[X]`. */
export function optional<T>(inner: PyType<T>): PyType<T | null> {
  return {
    pythonName: `Optional[${inner.pythonName}]`,
    validate: (v, path) => (v === null || v === undefined ? null : inner.validate(v, path)),
    toPy: (v) => (v === null ? null : inner.toPy(v)),
  };
}

/** `list[X]`, or untyped `list` with no argument. */
export function list<T = PyValue>(item?: PyType<T>): PyType<T[]> {
  const it = (item ?? any) as PyType<T>;
  return {
    pythonName: item ? `list[${item.pythonName}]` : 'list',
    validate(v, path) {
      const arr = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : undefined;
      if (!arr) throw new SynapseValidationError(path, `Input should be a valid list, got ${typeName(v)}`);
      return arr.map((x, i) => it.validate(x, `${path}[${i}]`));
    },
    toPy: (v) => v.map((x) => it.toPy(x)),
  };
}

/** `dict[str, X]`, or untyped `dict` with no argument. Order is kept (Map). */
export function dict<T = PyValue>(value?: PyType<T>): PyType<Map<string, T>> {
  const vt = (value ?? any) as PyType<T>;
  return {
    pythonName: value ? `dict[str, ${value.pythonName}]` : 'dict',
    validate(v, path) {
      if (v instanceof Map) {
        const out = new Map<string, T>();
        for (const [k, x] of v as Map<PyKey, unknown>) {
          if (value && typeof k !== 'string')
            throw new SynapseValidationError(path, 'dict keys should be strings');
          out.set(k as string, vt.validate(x, `${path}.${String(k)}`));
        }
        return out;
      }
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyTuple)) {
        return plainObjectToDict(v as Record<string, unknown>, path, (x, p) => vt.validate(x, p));
      }
      throw new SynapseValidationError(path, `Input should be a valid dictionary, got ${typeName(v)}`);
    },
    toPy(v) {
      const out: PyDict = new Map();
      for (const [k, x] of v) out.set(k, vt.toPy(x));
      return out;
    },
  };
}

/**
 * A `str`-valued Enum. `normalize` reproduces a custom `_missing_` (SN2's `ProofSystem` upper-cases
 * its input). The Python value is the member's value; `str()` of a real Enum member differs
 * (`ProofSystem.CIRCOM`), so such fields must not be listed in `required_hash_fields`.
 */
export function strEnum<const V extends string>(
  pythonName: string,
  values: readonly V[],
  normalize: (s: string) => string = (s) => s,
): PyType<V> {
  return {
    pythonName,
    validate(v, path) {
      if (typeof v === 'string') {
        const n = normalize(v);
        const hit = values.find((x) => x === n);
        if (hit !== undefined) return hit;
      }
      throw new SynapseValidationError(path, `Input should be ${values.map((x) => `'${x}'`).join(', ')}`);
    },
    toPy: identity,
  };
}

/** One field of a synapse or nested model: its type, and its default unless it is required. */
export interface FieldSpec<T> {
  readonly type: PyType<T>;
  /** Absent ⇒ the field is pydantic-required (and a Python dendrite sends `bt_header_input_obj_<field>`). */
  readonly default?: { value: T };
  /** pydantic `frozen=True`: a dendrite does not overwrite it from a response. */
  readonly frozen?: boolean;
}

/** A field declared with `withDefault` (not pydantic-required). */
export interface DefaultedField<T> extends FieldSpec<T> {
  readonly default: { value: T };
}

export type FieldsSpec = Record<string, FieldSpec<unknown>>;
export type ValuesOf<F extends FieldsSpec> = {
  -readonly [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never;
};

/** A required field (no default). */
export function required<T>(type: PyType<T>, opts: { frozen?: boolean } = {}): FieldSpec<T> {
  return { type, frozen: opts.frozen };
}

/** A field with a default value (lists/dicts are copied per instance, as pydantic does). */
export function withDefault<T>(
  type: PyType<T>,
  value: NoInfer<T>,
  opts: { frozen?: boolean } = {},
): DefaultedField<T> {
  return { type, default: { value }, frozen: opts.frozen };
}

/** Validates `input` (a Map from JSON or a TS object) field by field, in declaration order. */
// Field specs are declared once and never mutated: their entries are listed once, not per request.
const fieldEntries = new WeakMap<FieldsSpec, Array<[string, FieldSpec<unknown>]>>();
function entriesOf(fields: FieldsSpec): Array<[string, FieldSpec<unknown>]> {
  let e = fieldEntries.get(fields);
  if (!e) {
    e = Object.entries(fields);
    fieldEntries.set(fields, e);
  }
  return e;
}

export function validateFields<F extends FieldsSpec>(
  fields: F,
  input: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>,
  path: string,
): ValuesOf<F> {
  const isMap = input instanceof Map;
  const out: Record<string, unknown> = {};
  for (const [name, spec] of entriesOf(fields)) {
    const v = isMap
      ? input.get(name)
      : Object.hasOwn(input, name)
        ? (input as Record<string, unknown>)[name]
        : undefined;
    if (v !== undefined) out[name] = spec.type.validate(v, `${path}.${name}`);
    else if (spec.default) out[name] = spec.type.validate(spec.default.value, `${path}.${name}`);
    else throw new SynapseValidationError(`${path}.${name}`, 'Field required');
  }
  return out as ValuesOf<F>;
}

/** The Python dict of `model_dump()` for validated values: every field, declaration order. */
export function fieldsToPy<F extends FieldsSpec>(fields: F, values: ValuesOf<F>): PyDict {
  const out: PyDict = new Map();
  for (const [name, spec] of entriesOf(fields)) {
    out.set(name, spec.type.toPy((values as Record<string, unknown>)[name]));
  }
  return out;
}

/** A nested pydantic model; its Python value is a dict of all fields in declaration order. */
export function model<F extends FieldsSpec>(pythonName: string, fields: F): PyType<ValuesOf<F>> {
  return {
    pythonName,
    validate(v, path) {
      if (
        v instanceof Map ||
        (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyTuple))
      ) {
        return validateFields(fields, v as Map<string, unknown>, path);
      }
      throw new SynapseValidationError(
        path,
        `Input should be a valid dictionary or instance of ${pythonName}`,
      );
    },
    toPy: (v) => fieldsToPy(fields, v),
  };
}

/** bittensor's `cast_int` before-validator: Python `int(x)` (truncates floats), None stays None. */
export const castInt: PyType<number | null> = {
  pythonName: 'Optional[int]',
  validate(v, path) {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return toSafe(BigInt(Math.trunc(v)), path);
    return toSafe(laxInt(v, path), path);
  },
  toPy: (v) => (v === null ? null : BigInt(v)),
};

/** `cast_int` for values that exceed 2^53 (the nonce). */
export const castBigInt: PyType<bigint | null> = {
  pythonName: 'Optional[int]',
  validate(v, path) {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
    return laxInt(v, path);
  },
  toPy: identity,
};

/** bittensor's `cast_float` before-validator: Python `float(x)`, None stays None. */
export const castFloat: PyType<number | null> = {
  pythonName: 'Optional[float]',
  validate: (v, path) => (v === null || v === undefined ? null : laxFloat(v, path)),
  toPy: identity,
};
