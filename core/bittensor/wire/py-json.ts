import { PyTuple, type PyDict, type PyKey, type PyValue } from './py-value.js';
import { pyFloatRepr } from './python-str.js';

/** The body is not JSON as Python's `json.loads` understands it. */
export class PyJsonError extends Error {
  override readonly name = 'PyJsonError';
}

// CPython refuses to convert integers with more digits than this (sys.int_info.default_max_str_digits).
const MAX_INT_DIGITS = 4300;
const MAX_DEPTH = 512;

/**
 * `json.loads` with Python's value model: ints stay exact (bigint), floats are numbers, objects are
 * Maps in text order (last duplicate wins, first position kept), `NaN`/`Infinity`/`-Infinity`
 * are accepted, control characters inside strings are rejected (strict mode).
 */
export function parsePyJson(text: string): PyValue {
  const p = new Parser(text);
  p.ws();
  const value = p.value(0);
  p.ws();
  if (p.i !== text.length) p.fail('Extra data');
  return value;
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new PyJsonError(`${what} at char ${this.i}`);
  }

  ws(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s.charCodeAt(++this.i);
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('Nesting too deep');
    const c = this.s[this.i];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case 'N':
        return this.literal('NaN', NaN);
      case 'I':
        return this.literal('Infinity', Infinity);
      default:
        if (c === '-' && this.s.startsWith('-Infinity', this.i)) return this.literal('-Infinity', -Infinity);
        return this.number();
    }
  }

  literal<T extends PyValue>(word: string, value: T): T {
    if (!this.s.startsWith(word, this.i)) this.fail('Expecting value');
    this.i += word.length;
    return value;
  }

  number(): bigint | number {
    const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) this.fail('Expecting value');
    this.i += r[0].length;
    if (r[1] === undefined && r[2] === undefined) {
      if (r[0].replace('-', '').length > MAX_INT_DIGITS) this.fail('Integer too long');
      return BigInt(r[0]);
    }
    return Number(r[0]);
  }

  string(): string {
    const s = this.s;
    let i = ++this.i;
    let out = '';
    let start = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.i = i;
        this.fail('Unterminated string');
      }
      if (c === 0x22) break;
      if (c < 0x20) {
        this.i = i;
        this.fail('Invalid control character');
      }
      if (c === 0x5c) {
        out += s.slice(start, i);
        const e = s[i + 1];
        i += 2;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = s.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.i = i;
              this.fail('Invalid \\uXXXX escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            this.i = i - 1;
            this.fail('Invalid \\escape');
        }
        start = i;
        continue;
      }
      i++;
    }
    out += s.slice(start, i);
    this.i = i + 1;
    return out;
  }

  array(depth: number): PyValue[] {
    this.i++;
    const out: PyValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        this.fail("Expecting ',' delimiter");
      }
    }
  }

  object(depth: number): PyDict {
    this.i++;
    const out: PyDict = new Map();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') {
        this.i--;
        this.fail("Expecting ':' delimiter");
      }
      this.ws();
      out.set(key, this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') {
        this.i--;
        this.fail("Expecting ',' delimiter");
      }
    }
  }
}

export interface PyJsonStyle {
  /** `json.dumps` defaults (`", "`, `": "`, ASCII only) vs Starlette's compact UTF-8 (`","`, `":"`). */
  compact: boolean;
  /** Starlette passes allow_nan=False: NaN/Infinity make serialisation fail. */
  allowNan: boolean;
}

/** What a Python dendrite sends: `json.dumps(model_dump())`. */
export const PYTHON_DUMPS: PyJsonStyle = { compact: false, allowNan: true };
/** What a Python axon answers: Starlette `JSONResponse`. */
export const STARLETTE_RESPONSE: PyJsonStyle = { compact: true, allowNan: false };

/** `json.dumps(value, sort_keys=…)` in `style`; sorted keys compare by code point, as Python's str does. */
export function dumpPyJson(value: PyValue, style: PyJsonStyle, options: { sortKeys?: boolean } = {}): string {
  const itemSep = style.compact ? ',' : ', ';
  const keySep = style.compact ? ':' : ': ';
  const str = style.compact ? jsonStringUtf8 : jsonStringAscii;
  const walk = (v: PyValue): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return v.toString();
      case 'number':
        if (!Number.isFinite(v)) {
          if (!style.allowNan)
            throw new PyJsonError(`Out of range float values are not JSON compliant: ${v}`);
          return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
        }
        return pyFloatRepr(v);
      case 'string':
        return str(v);
    }
    if (Array.isArray(v)) return `[${v.map(walk).join(itemSep)}]`;
    if (v instanceof PyTuple) return `[${v.items.map(walk).join(itemSep)}]`;
    const entries = [...v].map(([k, val]) => [jsonKey(k), val] as const);
    if (options.sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
    return `{${entries.map(([k, val]) => `${str(k)}${keySep}${walk(val)}`).join(itemSep)}}`;
  };
  return walk(value);
}

/** Python orders str by code point; JS's default sort compares UTF-16 units (differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0) ?? 0);
  const cb = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}

// json.dumps converts non-string keys the way Python does.
function jsonKey(k: PyKey): string {
  if (typeof k === 'string') return k;
  if (k === null) return 'null';
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number') return pyFloatRepr(k);
  return k.toString();
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const u4 = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

function jsonStringAscii(s: string): string {
  return `"${s.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, (ch) => SHORT_ESCAPES[ch] ?? u4(ch.charCodeAt(0)))}"`;
}

const LONE_SURROGATE = /\p{Cs}/u;

function jsonStringUtf8(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new PyJsonError('surrogates not allowed in a UTF-8 response');
  return `"${s.replace(/["\\\x00-\x1f]/g, (ch) => SHORT_ESCAPES[ch] ?? u4(ch.charCodeAt(0)))}"`;
}
