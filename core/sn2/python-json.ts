/**
 * Python's `json.dumps(value, sort_keys=…)` with its default separators (", " and ": "), `ensure_ascii`
 * and float repr, for hashing inputs the way upstream does (§5.7). JSON numbers that are integers are
 * written as Python ints: a JS value cannot tell 1.0 from 1, so an input holding integral floats hashes
 * differently from Python (only the duplicate guard and the API's request hash depend on it).
 */
export function pythonJsonDumps(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return dump(value, options.sortKeys ?? false);
}

function dump(v: unknown, sortKeys: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return pythonNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return pythonString(v);
  if (Array.isArray(v)) return `[${v.map((x) => dump(x, sortKeys)).join(', ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (sortKeys) keys.sort(comparePythonStrings);
    const obj = v as Record<string, unknown>;
    return `{${keys.map((k) => `${pythonString(k)}: ${dump(obj[k], sortKeys)}`).join(', ')}}`;
  }
  throw new TypeError(`cannot serialise a ${typeof v} as JSON`);
}

/** Python sorts str keys by code point; JS default sort compares UTF-16 units (differs above U+FFFF). */
function comparePythonStrings(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0) ?? 0);
  const cb = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}

function pythonNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(0);
  return pythonFloatRepr(x);
}

/** CPython `repr(float)`: shortest round-trip digits; scientific when the exponent is < −4 or ≥ 16. */
export function pythonFloatRepr(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac || '0'}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${sign}${m}e${e}`;
}

function pythonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      if (code > 0xffff) {
        const hi = 0xd800 + ((code - 0x10000) >> 10);
        const lo = 0xdc00 + ((code - 0x10000) & 0x3ff);
        out += `\\u${hex4(hi)}\\u${hex4(lo)}`;
      } else out += `\\u${hex4(code)}`;
    } else out += ch;
  }
  return `${out}"`;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
