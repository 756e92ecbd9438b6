/**
 * btlightning framing (spec sn2-2026 §4.3, btlightning v0.2.5 types.rs): `[type u8][payload_len u32 BE][payload]`,
 * one frame per direction per bidirectional stream.
 */

export const ALPN = 'btlightning';

export const MessageType = {
  HandshakeRequest: 0x01,
  HandshakeResponse: 0x02,
  SynapsePacket: 0x03,
  SynapseResponse: 0x04,
  StreamChunk: 0x05,
  StreamEnd: 0x06,
} as const;
export type MessageTypeByte = (typeof MessageType)[keyof typeof MessageType];

export const FRAME_HEADER_LEN = 5;
/** btlightning's default `max_frame_payload`. */
export const MAX_PAYLOAD_DEFAULT = 64 * 1024 * 1024;
/** SN2's `TRANSPORT_PAYLOAD_LIMIT`, set on miner and validator: a client SHOULD accept this much. */
export const MAX_PAYLOAD_SN2 = 128 * 1024 * 1024;

export class FrameError extends Error {
  override readonly name = 'FrameError';
}

export interface FrameHeader {
  type: MessageTypeByte;
  length: number;
}

const KNOWN_TYPES = new Set<number>(Object.values(MessageType));

export function encodeFrame(type: MessageTypeByte, payload: Uint8Array): Uint8Array {
  if (payload.length > 0xffffffff) throw new FrameError(`payload of ${payload.length} bytes exceeds u32`);
  const frame = new Uint8Array(FRAME_HEADER_LEN + payload.length);
  frame[0] = type;
  new DataView(frame.buffer).setUint32(1, payload.length);
  frame.set(payload, FRAME_HEADER_LEN);
  return frame;
}

/** Reads the 5-byte header; an unknown type byte or a length over `maxPayload` is an error (as Rust's read_frame). */
export function decodeFrameHeader(header: Uint8Array, maxPayload = MAX_PAYLOAD_SN2): FrameHeader {
  if (header.length < FRAME_HEADER_LEN)
    throw new FrameError(`frame header needs 5 bytes, got ${header.length}`);
  const type = header[0];
  if (!KNOWN_TYPES.has(type)) throw new FrameError(`unknown btlightning message type 0x${hex2(type)}`);
  const length = new DataView(header.buffer, header.byteOffset, FRAME_HEADER_LEN).getUint32(1);
  if (length > maxPayload) {
    throw new FrameError(`frame payload of ${length} bytes exceeds the limit of ${maxPayload}`);
  }
  return { type: type as MessageTypeByte, length };
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');
