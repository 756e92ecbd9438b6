/**
 * One btlightning frame in, one out, over a QUIC bidirectional stream (spec §4.3), with the read timeout and size
 * cap that `@matrixai/quic` does not provide, and the workaround for its lost-FIN bug (toolchain.md §12 bug 1).
 */
import type { ReadableStream, ReadableStreamDefaultReader, WritableStream } from 'node:stream/web';
import {
  FRAME_HEADER_LEN,
  FrameError,
  MAX_PAYLOAD_SN2,
  decodeFrameHeader,
  type MessageTypeByte,
} from './frame.js';

/** The parts of a QUICStream / QUICConnection this module uses (typed here: the library's .d.ts hide `conn`). */
export interface FrameStream {
  readonly streamId: number;
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
interface NativeConnection {
  conn: { streamSend(streamId: number, data: Uint8Array, fin: boolean): number | null };
}

export class FrameTimeoutError extends Error {
  override readonly name = 'FrameTimeoutError';
}

export interface ReadFrameOptions {
  timeoutMs: number;
  maxPayload?: number;
}

export interface Frame {
  type: MessageTypeByte;
  payload: Uint8Array;
}

/**
 * Reads exactly one frame (it does not wait for FIN, as btlightning's read_frame). The declared length is checked
 * against the cap before any payload is buffered; the whole read is bounded by `timeoutMs`.
 */
export async function readFrame(stream: FrameStream, options: ReadFrameOptions): Promise<Frame> {
  const reader = stream.readable.getReader();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new FrameTimeoutError(`no complete frame within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([collect(reader, options.maxPayload ?? MAX_PAYLOAD_SN2), timeout]);
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function collect(reader: ReadableStreamDefaultReader<Uint8Array>, maxPayload: number): Promise<Frame> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  let header: ReturnType<typeof decodeFrameHeader> | undefined;
  for (;;) {
    const needed = header ? FRAME_HEADER_LEN + header.length : FRAME_HEADER_LEN;
    if (received >= needed) {
      const all = concat(chunks, received);
      if (!header) {
        header = decodeFrameHeader(all.subarray(0, FRAME_HEADER_LEN), maxPayload);
        chunks.splice(0, chunks.length, all);
        continue;
      }
      return { type: header.type, payload: all.slice(FRAME_HEADER_LEN, needed) };
    }
    const { done, value } = await reader.read();
    if (done) {
      throw new FrameError(
        received === 0
          ? 'the stream closed without a reply'
          : `the stream closed after ${received} of ${needed} bytes of a frame`,
      );
    }
    chunks.push(value);
    received += value.length;
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Writes a whole frame and FIN. `writable.close()` alone can lose the FIN when the data was already acknowledged
 * (quiche #2525, js-quic #20), so the last byte goes out with FIN in one native `streamSend`, then `close()`.
 */
export async function writeFrameWithFin(
  connection: object,
  stream: FrameStream,
  frame: Uint8Array,
): Promise<void> {
  const writer = stream.writable.getWriter();
  try {
    await writer.write(frame.subarray(0, frame.length - 1));
    const last = frame.subarray(frame.length - 1);
    const sent = (connection as NativeConnection).conn.streamSend(stream.streamId, last, true);
    if (sent !== 1) await writer.write(last);
    await writer.close();
  } finally {
    writer.releaseLock();
  }
}
