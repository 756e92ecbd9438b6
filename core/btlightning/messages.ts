/**
 * btlightning's wire structs (spec sn2-2026 §4.4, v0.2.5 types.rs). Encoded as rmp-serde does: positional
 * arrays in field order. Decoded as rmp-serde's `from_slice` accepts them: array or named map, exact field count
 * except a missing trailing `#[serde(default)]` field, u64 fields reject floats and negatives, `data` keys must be
 * strings, and a bin holding valid UTF-8 is accepted where a String is expected.
 */
import { decodeMsgpack, encodeMsgpack, F64, MsgpackError, type MsgValue } from './msgpack.js';

export interface HandshakeRequest {
  validatorHotkey: string;
  timestamp: number | bigint;
  nonce: string;
  signature: string;
}

export interface HandshakeResponse {
  minerHotkey: string;
  timestamp: number | bigint;
  signature: string;
  accepted: boolean;
  connectionId: string;
  certFingerprint: string | null;
}

export type SynapseData = Map<string, MsgValue>;

export interface SynapsePacket {
  synapseType: string;
  data: SynapseData;
  timestamp: number | bigint;
}

export interface SynapseResponse {
  success: boolean;
  data: SynapseData;
  timestamp: number | bigint;
  error: string | null;
}

export class MessageDecodeError extends Error {
  override readonly name = 'MessageDecodeError';
}

export const encodeHandshakeRequest = (m: HandshakeRequest): Uint8Array =>
  encodeMsgpack([m.validatorHotkey, m.timestamp, m.nonce, m.signature]);

export const encodeHandshakeResponse = (m: HandshakeResponse): Uint8Array =>
  encodeMsgpack([m.minerHotkey, m.timestamp, m.signature, m.accepted, m.connectionId, m.certFingerprint]);

export const encodeSynapsePacket = (m: SynapsePacket): Uint8Array =>
  encodeMsgpack([m.synapseType, m.data, m.timestamp]);

export const encodeSynapseResponse = (m: SynapseResponse): Uint8Array =>
  encodeMsgpack([m.success, m.data, m.timestamp, m.error]);

/** How a struct's field is typed in Rust, which decides what the decoder accepts. */
type FieldKind = 'string' | 'u64' | 'bool' | 'optString' | 'data';
interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** `#[serde(default)]`: may be missing at the end of the array form. */
  serdeDefault?: boolean;
}

const HANDSHAKE_REQUEST: FieldSpec[] = [
  { name: 'validator_hotkey', kind: 'string' },
  { name: 'timestamp', kind: 'u64' },
  { name: 'nonce', kind: 'string' },
  { name: 'signature', kind: 'string' },
];
const HANDSHAKE_RESPONSE: FieldSpec[] = [
  { name: 'miner_hotkey', kind: 'string' },
  { name: 'timestamp', kind: 'u64' },
  { name: 'signature', kind: 'string' },
  { name: 'accepted', kind: 'bool' },
  { name: 'connection_id', kind: 'string' },
  { name: 'cert_fingerprint', kind: 'optString', serdeDefault: true },
];
const SYNAPSE_PACKET: FieldSpec[] = [
  { name: 'synapse_type', kind: 'string' },
  { name: 'data', kind: 'data' },
  { name: 'timestamp', kind: 'u64' },
];
const SYNAPSE_RESPONSE: FieldSpec[] = [
  { name: 'success', kind: 'bool' },
  { name: 'data', kind: 'data' },
  { name: 'timestamp', kind: 'u64' },
  { name: 'error', kind: 'optString' },
];

type Decoded = Record<string, string | number | bigint | boolean | null | SynapseData>;

export function decodeHandshakeRequest(payload: Uint8Array): HandshakeRequest {
  const f = decodeStruct('HandshakeRequest', payload, HANDSHAKE_REQUEST);
  return {
    validatorHotkey: f.validator_hotkey as string,
    timestamp: f.timestamp as number | bigint,
    nonce: f.nonce as string,
    signature: f.signature as string,
  };
}

export function decodeHandshakeResponse(payload: Uint8Array): HandshakeResponse {
  const f = decodeStruct('HandshakeResponse', payload, HANDSHAKE_RESPONSE);
  return {
    minerHotkey: f.miner_hotkey as string,
    timestamp: f.timestamp as number | bigint,
    signature: f.signature as string,
    accepted: f.accepted as boolean,
    connectionId: f.connection_id as string,
    certFingerprint: f.cert_fingerprint as string | null,
  };
}

export function decodeSynapsePacket(payload: Uint8Array): SynapsePacket {
  const f = decodeStruct('SynapsePacket', payload, SYNAPSE_PACKET);
  return {
    synapseType: f.synapse_type as string,
    data: f.data as SynapseData,
    timestamp: f.timestamp as number | bigint,
  };
}

export function decodeSynapseResponse(payload: Uint8Array): SynapseResponse {
  const f = decodeStruct('SynapseResponse', payload, SYNAPSE_RESPONSE);
  return {
    success: f.success as boolean,
    data: f.data as SynapseData,
    timestamp: f.timestamp as number | bigint,
    error: f.error as string | null,
  };
}

function decodeStruct(struct: string, payload: Uint8Array, fields: FieldSpec[]): Decoded {
  let value: MsgValue;
  try {
    value = decodeMsgpack(payload);
  } catch (err) {
    const why = err instanceof MsgpackError ? err.message : String(err);
    throw new MessageDecodeError(`${struct}: ${payload.length === 0 ? 'empty payload' : why}`);
  }
  const out: Decoded = {};
  if (Array.isArray(value)) {
    const required = fields.filter((f, i) => !(f.serdeDefault && i === fields.length - 1)).length;
    if (value.length < required || value.length > fields.length) {
      throw new MessageDecodeError(
        `${struct}: array of ${value.length} elements, expected ${fields.length === required ? required : `${required} or ${fields.length}`}`,
      );
    }
    fields.forEach((f, i) => {
      out[f.name] = i < value.length ? field(struct, f, value[i]) : null;
    });
    return out;
  }
  if (value instanceof Map) {
    for (const f of fields) {
      if (value.has(f.name)) out[f.name] = field(struct, f, value.get(f.name) as MsgValue);
      else if (f.kind === 'optString') out[f.name] = null;
      else throw new MessageDecodeError(`${struct}: missing field "${f.name}"`);
    }
    return out;
  }
  throw new MessageDecodeError(`${struct}: expected an array or a map`);
}

function field(struct: string, f: FieldSpec, v: MsgValue): Decoded[string] {
  const bad = (what: string) => new MessageDecodeError(`${struct}.${f.name}: ${what}`);
  switch (f.kind) {
    case 'string':
      return asString(v) ?? fail(bad('expected a string'));
    case 'optString':
      return v === null ? null : (asString(v) ?? fail(bad('expected a string or nil')));
    case 'bool':
      return typeof v === 'boolean' ? v : fail(bad('expected a bool'));
    case 'u64':
      if ((typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint') {
        return v >= 0 ? v : fail(bad('negative value for a u64'));
      }
      return fail(bad(v instanceof F64 ? 'a float where a u64 is expected' : 'expected an unsigned integer'));
    case 'data':
      return dataMap(v) ?? fail(bad('expected a map with string keys'));
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function asString(v: MsgValue): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) {
    try {
      return strictUtf8.decode(v);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function dataMap(v: MsgValue): SynapseData | undefined {
  if (!(v instanceof Map)) return undefined;
  const out: SynapseData = new Map();
  for (const [k, val] of v) {
    if (typeof k !== 'string') return undefined;
    out.set(k, val);
  }
  return out;
}

function fail(err: Error): never {
  throw err;
}
