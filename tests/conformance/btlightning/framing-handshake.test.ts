import { createHash } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Keypair,
  cryptoReady,
  publicKeyFromSs58,
  verifySignature,
} from '../../../core/bittensor/keys/index.js';
import {
  ALPN,
  FRAME_HEADER_LEN,
  MAX_PAYLOAD_DEFAULT,
  MAX_PAYLOAD_SN2,
  MessageType,
  decodeFrameHeader,
  encodeFrame,
  FrameError,
} from '../../../core/btlightning/frame.js';
import {
  certFingerprint,
  handshakeRequestMessage,
  handshakeResponseMessage,
  verifyBase64Signature,
} from '../../../core/btlightning/handshake.js';
import { hex, unhex, vector } from './vectors.js';

beforeAll(cryptoReady);

const str = (v: unknown) => v as string;

describe('btlightning framing (spec §4.3)', () => {
  it('frame_header_hello: [type][u32 BE len][payload]', () => {
    const v = vector('frame_header_hello');
    const frame = encodeFrame(MessageType.HandshakeRequest, Buffer.from(str(v.inputs.payload_ascii)));
    expect(hex(frame)).toBe(v.expected.frame_hex);
    expect(decodeFrameHeader(frame)).toEqual({ type: 1, length: 5 });
  });

  it('frame_header_empty: a zero-length payload is legal at the framing level', () => {
    const v = vector('frame_header_empty');
    const frame = encodeFrame(MessageType.SynapseResponse, new Uint8Array(0));
    expect(hex(frame)).toBe(v.expected.frame_hex);
    expect(decodeFrameHeader(frame)).toEqual({ type: 4, length: 0 });
  });

  it('frame_header_70000: the header of a 70 000-byte SynapsePacket', () => {
    const v = vector('frame_header_70000');
    const frame = encodeFrame(MessageType.SynapsePacket, new Uint8Array(Number(v.inputs.payload_len)));
    expect(hex(frame.subarray(0, FRAME_HEADER_LEN))).toBe(v.expected.header_hex);
    expect(decodeFrameHeader(unhex(str(v.expected.header_hex)))).toEqual({ type: 3, length: 70000 });
  });

  it('frame_constants: type bytes, header length, payload limits, ALPN', () => {
    const e = vector('frame_constants').expected;
    expect(MessageType).toEqual(e.type_bytes);
    expect(FRAME_HEADER_LEN).toBe(e.header_len);
    expect(MAX_PAYLOAD_DEFAULT).toBe(e.max_payload_default);
    expect(MAX_PAYLOAD_SN2).toBe(e.max_payload_sn2);
    expect(ALPN).toBe(e.alpn_ascii);
    expect(Buffer.from(ALPN).toString('hex')).toBe(e.alpn_hex);
  });

  it('refuses unknown type bytes and over-limit lengths as Rust read_frame does', () => {
    expect(() => decodeFrameHeader(unhex('0700000001'))).toThrow(FrameError);
    expect(() => decodeFrameHeader(unhex('00ffffffff'))).toThrow(/unknown btlightning message type 0x00/);
    expect(() => decodeFrameHeader(unhex('04ffffffff'))).toThrow(/exceeds the limit of 134217728/);
    expect(() => decodeFrameHeader(unhex('0404000001'), MAX_PAYLOAD_DEFAULT)).toThrow(/exceeds/);
    expect(() => decodeFrameHeader(unhex('0400'))).toThrow(/needs 5 bytes/);
  });
});

describe('btlightning handshake strings, fingerprint and keys (spec §4.6)', () => {
  it('test_keys: sr25519 pairs from the miner and validator seeds', async () => {
    const v = vector('test_keys');
    const e = v.expected as Record<'miner' | 'validator', { public: string; ss58: string }>;
    for (const role of ['miner', 'validator'] as const) {
      const pair = await Keypair.fromSeed(unhex(str(v.inputs[`${role}_seed`]).slice(2)));
      expect(`0x${hex(pair.publicKey)}`).toBe(e[role].public);
      expect(pair.address).toBe(e[role].ss58);
    }
  });

  it('admitted_validator_hotkey: the SS58 decodes to the published public key', () => {
    const v = vector('admitted_validator_hotkey');
    expect(`0x${hex(publicKeyFromSs58(str(v.inputs.ss58)))}`).toBe(v.expected.public);
  });

  it('cert_fingerprint: base64 (padded) BLAKE2b-256 of the certificate DER', () => {
    const v = vector('cert_fingerprint');
    const der = unhex(str(v.inputs.cert_der_hex));
    expect(hex(blake2b(der, { dkLen: 32 }))).toBe(v.expected.blake2b_256_hex);
    expect(certFingerprint(der)).toBe(v.expected.fingerprint_b64);
  });

  it('blake2b_256_empty: the digest is BLAKE2b with 32-byte output', () => {
    const v = vector('blake2b_256_empty');
    const fp = certFingerprint(unhex(str(v.inputs.data_hex)));
    expect(hex(Buffer.from(fp, 'base64'))).toBe(v.expected.blake2b_256_hex);
  });

  it('handshake_request_message', () => {
    const { inputs: i, expected: e } = vector('handshake_request_message');
    const message = handshakeRequestMessage(
      str(i.validator_hotkey),
      Number(i.timestamp),
      str(i.nonce),
      str(i.cert_fp_b64),
    );
    expect(message).toBe(e.message);
    expect(Buffer.from(message).toString('hex')).toBe(e.message_hex);
  });

  it('handshake_response_message', () => {
    const { inputs: i, expected: e } = vector('handshake_response_message');
    const message = handshakeResponseMessage(
      str(i.validator_hotkey),
      str(i.miner_hotkey),
      Number(i.timestamp),
      str(i.nonce),
      str(i.cert_fp_b64),
    );
    expect(message).toBe(e.message);
    expect(Buffer.from(message).toString('hex')).toBe(e.message_hex);
  });

  it('handshake_request_signature: verifies over the raw message; a tampered message does not', () => {
    const { inputs: i, expected: e } = vector('handshake_request_signature');
    expect(Buffer.from(str(i.signature_b64), 'base64')).toHaveLength(Number(e.signature_len_bytes));
    expect(verifyBase64Signature(str(i.message), str(i.signature_b64), str(i.signer_ss58))).toBe(e.verifies);
    const tampered = str(i.message).replace('handshake:', 'handshake;');
    expect(verifyBase64Signature(tampered, str(i.signature_b64), str(i.signer_ss58))).toBe(
      e.tampered_message_verifies,
    );
  });

  it('handshake_response_signature: verifies under the miner key, not the validator key', () => {
    const { inputs: i, expected: e } = vector('handshake_response_signature');
    expect(Buffer.from(str(i.signature_b64), 'base64')).toHaveLength(Number(e.signature_len_bytes));
    expect(verifyBase64Signature(str(i.message), str(i.signature_b64), str(i.signer_ss58))).toBe(e.verifies);
    const validator = vector('test_keys').expected as Record<string, { ss58: string }>;
    expect(verifyBase64Signature(str(i.message), str(i.signature_b64), validator.validator.ss58)).toBe(false);
  });

  it('http_variant_signing (legacy, not used by 2026 binaries): sha256 body, message, signature', () => {
    const { inputs: i, expected: e } = vector('http_variant_signing');
    const bodySha = createHash('sha256').update(str(i.body)).digest('hex');
    expect(bodySha).toBe(e.body_sha256_hex);
    const message = `${str(i.nonce)}:${str(i.validator_hotkey)}:${bodySha}`;
    expect(message).toBe(e.message);
    const signature = unhex(str(e.signature_header_example).slice(2));
    expect(verifySignature(Buffer.from(message), signature, str(i.validator_hotkey))).toBe(e.verifies);
  });
});
