import { encode as referenceEncode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { encodeFrame, MessageType, type MessageTypeByte } from '../../../core/btlightning/frame.js';
import { decodeMsgpack, encodeMsgpack, F64, type MsgValue } from '../../../core/btlightning/msgpack.js';
import {
  decodeHandshakeRequest,
  decodeHandshakeResponse,
  decodeSynapsePacket,
  decodeSynapseResponse,
  encodeHandshakeRequest,
  encodeHandshakeResponse,
  encodeSynapsePacket,
  encodeSynapseResponse,
  MessageDecodeError,
  type HandshakeRequest,
  type HandshakeResponse,
} from '../../../core/btlightning/messages.js';
import { allVectorNames, fromTyped, hex, unhex, vector, type TypedMsg } from './vectors.js';

const typedBytes = (name: string) => encodeMsgpack(fromTyped(vector(name).inputs.typed as TypedMsg));
const payload = (name: string) => unhex(vector(name).expected.payload_hex as string);

/** Every vector whose `typed` value must encode to `payload_hex`/`hex`, and its frame type when it has `frame_hex`. */
const BYTE_VECTORS: Array<[string, MessageTypeByte | null]> = [
  ['handshake_request', MessageType.HandshakeRequest],
  ['handshake_request_map_form', null],
  ['handshake_response_accepted', MessageType.HandshakeResponse],
  ['handshake_response_rejected', MessageType.HandshakeResponse],
  ['handshake_response_rejected_preauth', null],
  ['handshake_response_accepted_map_form', null],
  ['synapse_packet_query_zk_proof', MessageType.SynapsePacket],
  ['synapse_packet_dslice', MessageType.SynapsePacket],
  ['synapse_response_query_zk_proof_ok', MessageType.SynapseResponse],
  ['query_zk_proof_data_map', null],
  ['proof_of_weights_response_data_map', null],
  ['dsperse_response_data_map', null],
  ['synapse_response_error', MessageType.SynapseResponse],
  ['stream_chunk', null],
  ['stream_end_ok', null],
];

describe('btlightning MessagePack, byte for byte (spec §4.4, §4.5, §4.8)', () => {
  it.each(BYTE_VECTORS)('%s', (name, frameType) => {
    const e = vector(name).expected;
    const bytes = typedBytes(name);
    expect(hex(bytes)).toBe(e.payload_hex ?? e.hex);
    if (frameType !== null) expect(hex(encodeFrame(frameType, bytes))).toBe(e.frame_hex);
  });

  it('agrees with @msgpack/msgpack v3 where the spec says it reproduces the vectors (no floats involved)', () => {
    for (const name of [
      'handshake_request',
      'handshake_response_accepted',
      'handshake_response_rejected',
      'handshake_response_rejected_preauth',
      'synapse_response_error',
    ]) {
      const typed = vector(name).inputs.typed as TypedMsg;
      const plain = Array.isArray(typed)
        ? typed.map((v) => (v && typeof v === 'object' && 'map' in v ? {} : v))
        : typed;
      expect(hex(referenceEncode(plain)), name).toBe(hex(typedBytes(name)));
    }
  });

  it('u64_widths: integers take the smallest unsigned form', () => {
    const v = vector('u64_widths');
    const expected = v.expected.hex_by_value as Record<string, string>;
    for (const value of v.inputs.values as string[]) {
      expect(hex(encodeMsgpack([BigInt(value)]))).toBe(expected[value]);
      const small = Number(value);
      if (Number.isSafeInteger(small)) expect(hex(encodeMsgpack([small]))).toBe(expected[value]);
      expect(decodeMsgpack(unhex(expected[value]))).toEqual([Number(value)]);
    }
  });

  it('float64 stays cb even when integral; integers are never floats', () => {
    expect(hex(encodeMsgpack(new F64(3)))).toBe('cb4008000000000000');
    expect(hex(encodeMsgpack(3))).toBe('03');
    expect(() => encodeMsgpack(2.5)).toThrow(/wrap floats in F64/);
    expect(decodeMsgpack(unhex('cb4008000000000000'))).toEqual(new F64(3));
  });

  it('decodes u64 beyond 2^53 losslessly and refuses truncated input, trailing bytes and bad UTF-8', () => {
    expect(decodeMsgpack(unhex('cfffffffffffffffff'))).toBe(0xffffffffffffffffn);
    expect(() => decodeMsgpack(unhex('dc0010'))).toThrow(/truncated/);
    expect(() => decodeMsgpack(unhex('dd7fffffff'))).toThrow(/truncated/);
    expect(() => decodeMsgpack(unhex('c000'))).toThrow(/trailing/);
    expect(() => decodeMsgpack(unhex('a2c328'))).toThrow(/UTF-8/);
    expect(() => decodeMsgpack(unhex('c1'))).toThrow(/0xc1/);
    expect(() => decodeMsgpack(new Uint8Array(100).fill(0x91))).toThrow(/nesting/);
  });
});

function fields(name: string) {
  return vector(name).inputs.fields as Record<string, unknown>;
}

const handshakeRequestOf = (f: Record<string, unknown>): HandshakeRequest => ({
  validatorHotkey: f.validator_hotkey as string,
  timestamp: f.timestamp as number,
  nonce: f.nonce as string,
  signature: f.signature as string,
});

const handshakeResponseOf = (f: Record<string, unknown>): HandshakeResponse => ({
  minerHotkey: f.miner_hotkey as string,
  timestamp: f.timestamp as number,
  signature: f.signature as string,
  accepted: f.accepted as boolean,
  connectionId: f.connection_id as string,
  certFingerprint: f.cert_fingerprint as string | null,
});

describe('btlightning structs: encode as Rust sends, decode array or map form', () => {
  it('HandshakeRequest round-trips and its map form decodes to the same struct', () => {
    const request = handshakeRequestOf(fields('handshake_request'));
    expect(hex(encodeHandshakeRequest(request))).toBe(vector('handshake_request').expected.payload_hex);
    expect(decodeHandshakeRequest(payload('handshake_request'))).toEqual(request);
    expect(decodeHandshakeRequest(payload('handshake_request_map_form'))).toEqual(request);
  });

  it.each([
    'handshake_response_accepted',
    'handshake_response_rejected',
    'handshake_response_rejected_preauth',
  ])('%s round-trips', (name) => {
    const response = handshakeResponseOf(fields(name));
    expect(hex(encodeHandshakeResponse(response))).toBe(vector(name).expected.payload_hex);
    expect(decodeHandshakeResponse(payload(name))).toEqual(response);
  });

  it('handshake_response_accepted_map_form decodes to the accepted response', () => {
    expect(decodeHandshakeResponse(payload('handshake_response_accepted_map_form'))).toEqual(
      handshakeResponseOf(fields('handshake_response_accepted')),
    );
  });

  it('SynapsePacket and SynapseResponse round-trip through the struct codecs', () => {
    for (const name of ['synapse_packet_query_zk_proof', 'synapse_packet_dslice']) {
      const packet = decodeSynapsePacket(payload(name));
      expect(packet.synapseType).toBe(fields(name).synapse_type);
      expect(hex(encodeSynapsePacket(packet))).toBe(vector(name).expected.payload_hex);
    }
    for (const name of ['synapse_response_query_zk_proof_ok', 'synapse_response_error']) {
      const response = decodeSynapseResponse(payload(name));
      expect(response.success).toBe(fields(name).success);
      expect(response.error).toBe(fields(name).error);
      expect(hex(encodeSynapseResponse(response))).toBe(vector(name).expected.payload_hex);
    }
  });

  it('a data map in another key order decodes to the same values', () => {
    const e = vector('synapse_response_query_zk_proof_ok').expected;
    const a = decodeSynapseResponse(unhex(e.payload_hex as string));
    const b = decodeSynapseResponse(unhex(e.payload_hex_key_order_computed_outputs_first as string));
    expect(Object.fromEntries(b.data)).toEqual(Object.fromEntries(a.data));
    expect(a.data.get('computed_outputs')).toEqual([new F64(0.5), new F64(1)]);
  });
});

describe('rust_decode_acceptance: the struct decoder accepts what rmp_serde::from_slice accepts', () => {
  const accepted = vector('rust_decode_acceptance').expected.accepted as Record<string, boolean>;
  const request = fromTyped(vector('handshake_request').inputs.typed as TypedMsg) as MsgValue[];
  const response = fromTyped(vector('handshake_response_accepted').inputs.typed as TypedMsg) as MsgValue[];
  const map = (entries: Array<[MsgValue, MsgValue]>) => new Map<MsgValue, MsgValue>(entries);
  const decodes = (decode: (p: Uint8Array) => unknown, value: MsgValue): boolean => {
    try {
      decode(encodeMsgpack(value));
      return true;
    } catch (err) {
      expect(err).toBeInstanceOf(MessageDecodeError);
      return false;
    }
  };
  const structCases: Record<string, () => boolean> = {
    handshake_request_array: () => decodes(decodeHandshakeRequest, request),
    handshake_request_map: () =>
      decodes(
        decodeHandshakeRequest,
        fromTyped(vector('handshake_request_map_form').inputs.typed as TypedMsg),
      ),
    handshake_response_array_5_elems: () => decodes(decodeHandshakeResponse, response.slice(0, 5)),
    handshake_response_array_7_elems: () => decodes(decodeHandshakeResponse, [...response, 'extra']),
    handshake_response_map: () =>
      decodes(
        decodeHandshakeResponse,
        fromTyped(vector('handshake_response_accepted_map_form').inputs.typed as TypedMsg),
      ),
    synapse_packet_synapse_type_as_bin: () =>
      decodes(decodeSynapsePacket, [Buffer.from('query-zk-proof'), map([]), 1767225600]),
    synapse_response_array_3_elems_no_error: () =>
      decodes(decodeSynapseResponse, [true, map([]), 1767225605]),
    synapse_response_data_with_int_key: () =>
      decodes(decodeSynapseResponse, [true, map([[1, 'x']]), 1767225605, null]),
    synapse_response_map_no_error_key: () =>
      decodes(
        decodeSynapseResponse,
        map([
          ['success', true],
          ['data', map([])],
          ['timestamp', 1767225605],
        ]),
      ),
    synapse_response_timestamp_as_float64: () =>
      decodes(decodeSynapseResponse, [true, map([]), new F64(1767225605), null]),
    synapse_response_timestamp_negative: () => decodes(decodeSynapseResponse, [true, map([]), -1, null]),
  };
  /** Typed SN2 request/response fields inside `data`: decoded by the miner's handlers, never by the probe. */
  const handlerCases = [
    'dslice_proof_system_int_1',
    'dslice_proof_system_missing_defaults_jstprove',
    'dslice_proof_system_str',
    'dslice_slice_num_as_int',
    'query_zk_proof_model_id_nil',
    'query_zk_proof_query_input_binary',
    'qzk_response_computed_outputs_ints',
    'qzk_response_query_output_as_str_into_vec_u8',
  ];

  it('every case is either a struct case checked here or an SN2 handler-level case', () => {
    expect(Object.keys(accepted).sort()).toEqual([...Object.keys(structCases), ...handlerCases].sort());
  });

  it.each(Object.keys(structCases))('%s', (name) => {
    expect(structCases[name]()).toBe(accepted[name]);
  });

  it('a 5-element HandshakeResponse decodes with no certificate fingerprint', () => {
    expect(decodeHandshakeResponse(encodeMsgpack(response.slice(0, 5))).certFingerprint).toBeNull();
  });
});

describe('vector coverage', () => {
  it('every vector of btlightning.json is reproduced by this suite', () => {
    const covered = new Set([
      ...BYTE_VECTORS.map(([n]) => n),
      'u64_widths',
      'rust_decode_acceptance',
      // framing-handshake.test.ts
      'test_keys',
      'admitted_validator_hotkey',
      'frame_header_hello',
      'frame_header_empty',
      'frame_header_70000',
      'frame_constants',
      'cert_fingerprint',
      'blake2b_256_empty',
      'handshake_request_message',
      'handshake_response_message',
      'handshake_request_signature',
      'handshake_response_signature',
      'http_variant_signing',
    ]);
    expect(allVectorNames().filter((n) => !covered.has(n))).toEqual([]);
  });
});
