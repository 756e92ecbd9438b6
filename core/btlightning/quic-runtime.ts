/**
 * Loading `@matrixai/quic` 1.2.12 (quiche 0.18 over N-API; toolchain.md §12). Its native binary exists for
 * linux-x64 (glibc ≥ 2.34), darwin-arm64/x64 and win32-x64 only, and npm skips a missing one silently: the import
 * then throws. `loadQuic()` turns that into one clear sentence instead of a stack trace.
 */
import { createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';
import { UserError } from '../util/errors.js';
import { ALPN } from './frame.js';

export type QuicModule = typeof import('@matrixai/quic');
type QuicClientOptions = Parameters<QuicModule['QUICClient']['createQUICClient']>[0];
export type QuicLogger = NonNullable<QuicClientOptions['logger']>;
export type QuicClientConfig = NonNullable<QuicClientOptions['config']>;
export type QuicServerConfig = ConstructorParameters<QuicModule['QUICServer']>[0]['config'];
export type QuicServerCrypto = ConstructorParameters<QuicModule['QUICServer']>[0]['crypto'];

export class QuicUnavailableError extends UserError {
  override readonly name = 'QuicUnavailableError';
}

let loaded: Promise<QuicModule> | undefined;

/** The QUIC library, or a QuicUnavailableError saying why this computer cannot speak QUIC. */
export function loadQuic(): Promise<QuicModule> {
  loaded ??= import('@matrixai/quic').then(
    (mod) => ((mod as { default?: QuicModule }).default ?? mod) as QuicModule,
    (err: unknown) => {
      loaded = undefined;
      throw new QuicUnavailableError(
        `QUIC is unavailable on this computer (${process.platform}-${process.arch}): the native part of ` +
          `@matrixai/quic did not load (${firstLine(err)}); it ships for linux-x64 (glibc 2.34+), macOS and ` +
          'win32-x64 only, so the btlightning probe cannot run here',
        { cause: err },
      );
    },
  );
  return loaded;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/**
 * The library logs every connection and stream at INFO to the console unless given a logger; it calls only
 * `getChild`, `info` and `debug`, which carry nothing the probe's result does not already say.
 */
export function silentQuicLogger(): QuicLogger {
  const logger = { getChild: () => logger, info() {}, debug() {}, warn() {}, error() {} };
  return logger as unknown as QuicLogger;
}

export const clientCrypto = {
  ops: {
    randomBytes: async (data: ArrayBuffer): Promise<void> => {
      randomFillSync(new Uint8Array(data));
    },
  },
};

/** HMAC-SHA256 for the server's connection ids and Retry tokens (the library asks the application for it). */
export function serverCrypto(): QuicServerCrypto {
  const mac = (key: ArrayBuffer, data: ArrayBuffer) =>
    createHmac('sha256', Buffer.from(key)).update(Buffer.from(data)).digest();
  return {
    key: randomFillSync(new Uint8Array(32)).buffer,
    ops: {
      sign: async (key, data) => {
        const digest = mac(key, data);
        return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.length) as ArrayBuffer;
      },
      verify: async (key, data, sig) => {
        const expected = mac(key, data);
        const given = Buffer.from(sig);
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
    },
  };
}

/**
 * The validator's transport settings (spec §4.1): ALPN `btlightning`, any server certificate (identity comes from
 * the fingerprint inside the handshake), idle 150 s, keep-alive 30 s, no unidirectional streams.
 */
export const clientConfig = (): QuicClientConfig => ({
  applicationProtos: [ALPN],
  verifyPeer: false,
  maxIdleTimeout: 150_000,
  keepAliveIntervalTime: 30_000,
  initialMaxStreamsUni: 0,
});
