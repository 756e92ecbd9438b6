/**
 * JSON as Python sees it, for the request `hash` of spec §11 (SHA-256 of Python `str(inputs)`): numbers keep
 * their lexeme (int vs float, beyond 2^53) and objects keep the key order of the text, which JS objects
 * lose for integer-like keys. Rules of `str()`/`repr()`: bittensor-wire.md §5.2.
 */
export type PyValue =
  | null
  | boolean
  | string
  | { readonly py: 'int'; readonly lexeme: string }
  | { readonly py: 'float'; readonly lexeme: string }
  | readonly PyValue[]
  | PyDict;

export interface PyDict {
  readonly py: 'dict';
  readonly entries: ReadonlyArray<readonly [string, PyValue]>;
}

export class PyJsonSyntaxError extends SyntaxError {
  override readonly name = 'PyJsonSyntaxError';
}

export const isPyDict = (v: PyValue): v is PyDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PyDict).py === 'dict';

/** Parse JSON text into PyValues; nesting beyond `maxDepth` is refused rather than overflowing the stack. */
export function parsePyJson(text: string, maxDepth = 64): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new PyJsonSyntaxError(`${what} at position ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth}`);
    ws();
    const c = text[i];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`);
  };
  const object = (depth: number): PyDict => {
    i++;
    const entries: Array<readonly [string, PyValue]> = [];
    ws();
    if (text[i] === '}') {
      i++;
      return { py: 'dict', entries };
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected a string key');
      const key = string();
      ws();
      if (text[i] !== ':') fail('expected ":"');
      i++;
      const v = value(depth + 1);
      // Python's dict keeps the first position of a repeated key and the last value.
      const at = entries.findIndex(([k]) => k === key);
      if (at >= 0) entries[at] = [key, v];
      else entries.push([key, v]);
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return { py: 'dict', entries };
      } else fail('expected "," or "}"');
    }
  };
  const array = (depth: number): PyValue[] => {
    i++;
    const items: PyValue[] = [];
    ws();
    if (text[i] === ']') {
      i++;
      return items;
    }
    for (;;) {
      items.push(value(depth + 1));
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return items;
      } else fail('expected "," or "]"');
    }
  };
  const string = (): string => {
    const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (!m) return fail('invalid string');
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const number = (): PyValue => {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 1100));
    if (!m) return fail('invalid number');
    i += m[0].length;
    return m[1] !== undefined || m[2] !== undefined
      ? { py: 'float', lexeme: m[0] }
      : { py: 'int', lexeme: m[0] };
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail('unexpected data after JSON');
  return result;
}

/** The plain JS value (numbers as JS numbers), for code that does not care about Python's view. */
export function pyToJs(v: PyValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(pyToJs);
  if (isPyDict(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries) out[k] = pyToJs(x);
    return out;
  }
  return Number((v as { lexeme: string }).lexeme);
}

/** Python `str(v)`: equals `repr(v)` except that a top-level string is itself. */
export const pyStr = (v: PyValue): string => (typeof v === 'string' ? v : pyRepr(v));

export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isPyDict(v)) return `{${v.entries.map(([k, x]) => `${reprString(k)}: ${pyRepr(x)}`).join(', ')}}`;
  const n = v as { py: 'int' | 'float'; lexeme: string };
  return n.py === 'int' ? BigInt(n.lexeme).toString() : reprFloat(Number(n.lexeme));
}

function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
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
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const cp = ch.codePointAt(0)!;
      if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}
