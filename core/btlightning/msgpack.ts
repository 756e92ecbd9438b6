/**
 * MessagePack as btlightning's Rust side writes and reads it (rmp-serde 1.3 / rmpv 1.3, spec sn2-2026 §4.5).
 * Hand-written because byte equality needs two things general encoders do not give: float64 stays `cb` even
 * when integral (`F64`), and integers of any u64 size decode losslessly (bigint beyond 2^53).
 */

/** A float64 that must stay float64 on the wire (`cb`), e.g. `3.0` in `input_data`. Decoded floats are F64 too. */
export class F64 {
  constructor(readonly value: number) {}
}

export type MsgValue =
  | null
  | boolean
  | number
  | bigint
  | F64
  | string
  | Uint8Array
  | MsgValue[]
  | Map<MsgValue, MsgValue>
  | { [key: string]: MsgValue };

export class MsgpackError extends Error {
  override readonly name = 'MsgpackError';
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function encodeMsgpack(value: MsgValue): Uint8Array {
  const out = new ByteWriter();
  writeValue(out, value, 0);
  return out.finish();
}

const MAX_DEPTH = 64;

function writeValue(out: ByteWriter, value: MsgValue, depth: number): void {
  if (depth > MAX_DEPTH) throw new MsgpackError(`nesting deeper than ${MAX_DEPTH}`);
  if (value === null) return void out.u8(0xc0);
  if (typeof value === 'boolean') return void out.u8(value ? 0xc3 : 0xc2);
  if (typeof value === 'number' || typeof value === 'bigint') return writeInteger(out, value);
  if (value instanceof F64) {
    out.u8(0xcb);
    return void out.f64(value.value);
  }
  if (typeof value === 'string') return writeString(out, value);
  if (value instanceof Uint8Array) {
    writeLength(out, value.length, [0xc4, 0xc5, 0xc6]);
    return void out.bytes(value);
  }
  if (Array.isArray(value)) {
    writeContainerHeader(out, value.length, 0x90, 0xdc, 0xdd);
    for (const item of value) writeValue(out, item, depth + 1);
    return;
  }
  const entries: Array<[MsgValue, MsgValue]> = value instanceof Map ? [...value] : Object.entries(value);
  writeContainerHeader(out, entries.length, 0x80, 0xde, 0xdf);
  for (const [k, v] of entries) {
    writeValue(out, k, depth + 1);
    writeValue(out, v, depth + 1);
  }
}

/** The smallest form, as rmp does: non-negative values always use the unsigned forms. */
function writeInteger(out: ByteWriter, value: number | bigint): void {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new MsgpackError(`${value} is not an integer: wrap floats in F64`);
  }
  const n = BigInt(value);
  if (n >= 0n) {
    if (n < 0x80n) return void out.u8(Number(n));
    if (n <= 0xffn) return void out.u8(0xcc).u8(Number(n));
    if (n <= 0xffffn) return void out.u8(0xcd).u16(Number(n));
    if (n <= 0xffffffffn) return void out.u8(0xce).u32(Number(n));
    if (n <= 0xffffffffffffffffn) return void out.u8(0xcf).u64(n);
    throw new MsgpackError(`${n} does not fit in u64`);
  }
  if (n >= -32n) return void out.u8(0x100 + Number(n));
  if (n >= -0x80n) return void out.u8(0xd0).u8(0x100 + Number(n));
  if (n >= -0x8000n) return void out.u8(0xd1).u16(0x10000 + Number(n));
  if (n >= -0x80000000n) return void out.u8(0xd2).u32(0x100000000 + Number(n));
  if (n >= -0x8000000000000000n) return void out.u8(0xd3).u64(0x10000000000000000n + n);
  throw new MsgpackError(`${n} does not fit in i64`);
}

function writeString(out: ByteWriter, value: string): void {
  const bytes = utf8.encode(value);
  if (bytes.length < 32) out.u8(0xa0 | bytes.length);
  else writeLength(out, bytes.length, [0xd9, 0xda, 0xdb]);
  out.bytes(bytes);
}

function writeLength(out: ByteWriter, length: number, [b8, b16, b32]: number[]): void {
  if (length <= 0xff) out.u8(b8).u8(length);
  else if (length <= 0xffff) out.u8(b16).u16(length);
  else out.u8(b32).u32(length);
}

function writeContainerHeader(out: ByteWriter, length: number, fix: number, b16: number, b32: number): void {
  if (length < 16) out.u8(fix | length);
  else if (length <= 0xffff) out.u8(b16).u16(length);
  else out.u8(b32).u32(length);
}

class ByteWriter {
  #buf = new Uint8Array(256);
  #view = new DataView(this.#buf.buffer);
  #pos = 0;

  private ensure(extra: number): void {
    if (this.#pos + extra <= this.#buf.length) return;
    const next = new Uint8Array(Math.max(this.#buf.length * 2, this.#pos + extra));
    next.set(this.#buf);
    this.#buf = next;
    this.#view = new DataView(next.buffer);
  }
  u8(v: number): this {
    this.ensure(1);
    this.#view.setUint8(this.#pos++, v);
    return this;
  }
  u16(v: number): this {
    this.ensure(2);
    this.#view.setUint16(this.#pos, v);
    this.#pos += 2;
    return this;
  }
  u32(v: number): this {
    this.ensure(4);
    this.#view.setUint32(this.#pos, v);
    this.#pos += 4;
    return this;
  }
  u64(v: bigint): this {
    this.ensure(8);
    this.#view.setBigUint64(this.#pos, v);
    this.#pos += 8;
    return this;
  }
  f64(v: number): this {
    this.ensure(8);
    this.#view.setFloat64(this.#pos, v);
    this.#pos += 8;
    return this;
  }
  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.#buf.set(b, this.#pos);
    this.#pos += b.length;
    return this;
  }
  finish(): Uint8Array {
    return this.#buf.slice(0, this.#pos);
  }
}

/**
 * One MessagePack value, the whole input (trailing bytes are an error, as for rmp-serde `from_slice`).
 * Maps decode to `Map` (keys keep their types: Rust rejects non-string `data` keys, so callers must see them),
 * floats to `F64`, integers to number or, beyond 2^53, bigint. Extension types are refused (btlightning sends none).
 */
export function decodeMsgpack(bytes: Uint8Array): MsgValue {
  const reader = new ByteReader(bytes);
  const value = readValue(reader, 0);
  if (reader.pos !== bytes.length) throw new MsgpackError(`${bytes.length - reader.pos} trailing bytes`);
  return value;
}

function readValue(r: ByteReader, depth: number): MsgValue {
  if (depth > MAX_DEPTH) throw new MsgpackError(`nesting deeper than ${MAX_DEPTH}`);
  const b = r.u8();
  if (b < 0x80) return b;
  if (b >= 0xe0) return b - 0x100;
  if (b >= 0xa0 && b <= 0xbf) return r.str(b & 0x1f);
  if (b >= 0x90 && b <= 0x9f) return readArray(r, b & 0x0f, depth);
  if (b >= 0x80 && b <= 0x8f) return readMap(r, b & 0x0f, depth);
  switch (b) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xc4:
      return r.bytes(r.u8());
    case 0xc5:
      return r.bytes(r.u16());
    case 0xc6:
      return r.bytes(r.u32());
    case 0xca:
      return new F64(r.f32());
    case 0xcb:
      return new F64(r.f64());
    case 0xcc:
      return r.u8();
    case 0xcd:
      return r.u16();
    case 0xce:
      return r.u32();
    case 0xcf:
      return lossless(r.u64());
    case 0xd0:
      return r.i8();
    case 0xd1:
      return r.i16();
    case 0xd2:
      return r.i32();
    case 0xd3:
      return lossless(r.i64());
    case 0xd9:
      return r.str(r.u8());
    case 0xda:
      return r.str(r.u16());
    case 0xdb:
      return r.str(r.u32());
    case 0xdc:
      return readArray(r, r.u16(), depth);
    case 0xdd:
      return readArray(r, r.u32(), depth);
    case 0xde:
      return readMap(r, r.u16(), depth);
    case 0xdf:
      return readMap(r, r.u32(), depth);
    default:
      throw new MsgpackError(`unsupported MessagePack type byte 0x${b.toString(16)}`);
  }
}

const lossless = (n: bigint): number | bigint =>
  n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n;

function readArray(r: ByteReader, length: number, depth: number): MsgValue[] {
  // Every element takes at least one byte: a huge declared length in a short payload fails here, not in memory.
  r.need(length);
  const items: MsgValue[] = [];
  for (let i = 0; i < length; i++) items.push(readValue(r, depth + 1));
  return items;
}

function readMap(r: ByteReader, length: number, depth: number): Map<MsgValue, MsgValue> {
  r.need(length * 2);
  const map = new Map<MsgValue, MsgValue>();
  for (let i = 0; i < length; i++) {
    const key = readValue(r, depth + 1);
    map.set(key, readValue(r, depth + 1));
  }
  return map;
}

class ByteReader {
  pos = 0;
  readonly #view: DataView;
  constructor(readonly buf: Uint8Array) {
    this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new MsgpackError('truncated MessagePack value');
  }
  private take(n: number): number {
    this.need(n);
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8 = (): number => this.#view.getUint8(this.take(1));
  u16 = (): number => this.#view.getUint16(this.take(2));
  u32 = (): number => this.#view.getUint32(this.take(4));
  u64 = (): bigint => this.#view.getBigUint64(this.take(8));
  i8 = (): number => this.#view.getInt8(this.take(1));
  i16 = (): number => this.#view.getInt16(this.take(2));
  i32 = (): number => this.#view.getInt32(this.take(4));
  i64 = (): bigint => this.#view.getBigInt64(this.take(8));
  f32 = (): number => this.#view.getFloat32(this.take(4));
  f64 = (): number => this.#view.getFloat64(this.take(8));
  bytes(n: number): Uint8Array {
    const at = this.take(n);
    return this.buf.slice(at, at + n);
  }
  str(n: number): string {
    try {
      return strictUtf8.decode(this.bytes(n));
    } catch {
      throw new MsgpackError('a MessagePack string is not valid UTF-8');
    }
  }
}
