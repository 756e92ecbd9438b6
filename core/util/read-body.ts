import type { IncomingMessage } from 'node:http';

/** The body went over the caller's limit; reading stopped there. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`body over ${maxBytes} bytes`);
  }
}

/** The peer closed or reset the connection before the body ended. */
export class BodyAbortedError extends Error {
  override readonly name = 'BodyAbortedError';
  constructor(cause?: unknown) {
    super('the connection closed before the body ended', { cause });
  }
}

/**
 * The whole body of an HTTP request or response, at most `maxBytes` (never buffered past that). Rejects
 * with BodyTooLargeError or BodyAbortedError; the caller decides whether to answer or destroy the socket.
 */
export function readBody(message: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onGone = (err?: unknown) => {
      cleanup();
      reject(new BodyAbortedError(err));
    };
    // What Node itself reports for a body cut short (its 'error' may follow, or not on older paths).
    const onAborted = () => onGone(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    const cleanup = () => {
      message.off('data', onData).off('end', onEnd).off('error', onGone).off('aborted', onAborted);
    };
    if (message.complete && message.readableEnded) return resolve(Buffer.alloc(0));
    message.on('data', onData).on('end', onEnd).on('error', onGone).on('aborted', onAborted);
  });
}
