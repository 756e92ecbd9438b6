/**
 * The reachability probe (spec sn2-2026 §4.9): one btlightning handshake as a validator makes it. Against a stock
 * 2026 miner it is expected to be refused (only one validator hotkey is admitted); a refusal that names the expected
 * miner hotkey still proves the UDP path and the identity.
 */
import type { Sr25519Signer } from '../bittensor/signer.js';
import type { z } from 'zod';
import type { ProbeFailureKindSchema, QuicProbeResultSchema } from '../contract/btlightning.js';
import { errorMessage } from '../util/errors.js';
import { FrameError, MessageType, encodeFrame } from './frame.js';
import { certFingerprint, createHandshakeRequest, judgeHandshakeResponse } from './handshake.js';
import {
  MessageDecodeError,
  decodeHandshakeResponse,
  encodeHandshakeRequest,
  type HandshakeResponse,
} from './messages.js';
import {
  QuicUnavailableError,
  clientConfig,
  clientCrypto,
  loadQuic,
  silentQuicLogger,
  type QuicModule,
} from './quic-runtime.js';
import { FrameTimeoutError, readFrame, writeFrameWithFin } from './stream-io.js';

export type QuicProbeResult = z.output<typeof QuicProbeResultSchema>;
type FailureKind = z.output<typeof ProbeFailureKindSchema>;

export interface QuicProbeOptions {
  host: string;
  port: number;
  signer: Sr25519Signer;
  /** The miner hotkey that should answer (the app's own hotkey, or the one on chain for that address). */
  expectHotkey?: string;
  /** QUIC connect timeout (spec: the validator's is 10 s). */
  connectTimeoutMs?: number;
  /** Wait for the handshake reply (the server gives itself 10 s). */
  replyTimeoutMs?: number;
}

export async function probeQuic(options: QuicProbeOptions): Promise<QuicProbeResult> {
  const started = performance.now();
  const at = new Date();
  const target = options.host.includes(':')
    ? `[${options.host}]:${options.port}`
    : `${options.host}:${options.port}`;
  const base = {
    target,
    at: at.toISOString(),
    probeHotkey: options.signer.address,
    minerHotkey: null,
    certFingerprint: null,
    connectionId: null,
    accepted: false,
    fingerprintMatches: false,
    signatureValid: false,
  };
  type FailureDetail = { certFingerprint?: string; timings?: { connectMs: number } };
  const fail = (kind: FailureKind, message: string, partial: FailureDetail = {}): QuicProbeResult => ({
    ...base,
    ...partial,
    ok: false,
    reached: false,
    failure: { kind, message },
    message,
    timings: { ...partial.timings, totalMs: performance.now() - started },
  });

  let quic: QuicModule;
  try {
    quic = await loadQuic();
  } catch (err) {
    if (err instanceof QuicUnavailableError) return fail('quic-unavailable', err.message);
    throw err;
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  let client: InstanceType<typeof quic.QUICClient>;
  try {
    client = await quic.QUICClient.createQUICClient(
      {
        host: options.host,
        port: options.port,
        crypto: clientCrypto,
        config: clientConfig(),
        logger: silentQuicLogger(),
      },
      { timer: connectTimeoutMs },
    );
  } catch (err) {
    return connectFailure(quic, err, target, connectTimeoutMs, fail);
  }
  const connectMs = performance.now() - started;
  try {
    const der = client.connection.getRemoteCertsChain()[0];
    if (!der) return fail('connection', `${target} sent no TLS certificate`, { timings: { connectMs } });
    const fp = certFingerprint(der);
    const request = createHandshakeRequest(options.signer, fp);
    const sentAt = performance.now();
    let response: HandshakeResponse;
    try {
      const stream = client.connection.newStream('bidi');
      await writeFrameWithFin(
        client.connection,
        stream,
        encodeFrame(MessageType.HandshakeRequest, encodeHandshakeRequest(request)),
      );
      const frame = await readFrame(stream, { timeoutMs: options.replyTimeoutMs ?? 10_000 });
      if (frame.type !== MessageType.HandshakeResponse) {
        throw new FrameError(`expected a HandshakeResponse frame (0x02), got type 0x0${frame.type}`);
      }
      response = decodeHandshakeResponse(frame.payload);
    } catch (err) {
      const detail = { certFingerprint: fp, timings: { connectMs } };
      if (err instanceof FrameTimeoutError) {
        return fail(
          'no-reply',
          `QUIC connected to ${target} but no handshake reply came (${err.message}): not a btlightning server, or it is overloaded`,
          detail,
        );
      }
      const why =
        err instanceof FrameError || err instanceof MessageDecodeError
          ? `${target} did not answer with a btlightning HandshakeResponse: ${err.message}`
          : `${target}: the QUIC stream failed: ${errorMessage(err)}`;
      return fail('protocol', why, detail);
    }
    const handshakeMs = performance.now() - sentAt;
    const verdict = judgeHandshakeResponse(request, response, fp, options.expectHotkey);
    const ok = response.accepted ? verdict.problem === undefined : verdict.hotkeyMatches !== false;
    return {
      ...base,
      ok,
      reached: true,
      accepted: response.accepted,
      minerHotkey: response.minerHotkey,
      certFingerprint: fp,
      connectionId: response.connectionId || null,
      fingerprintMatches: verdict.fingerprintMatches,
      signatureValid: verdict.signatureValid,
      ...(verdict.hotkeyMatches === undefined ? {} : { hotkeyMatches: verdict.hotkeyMatches }),
      message: summary(target, response, verdict.problem, ok),
      timings: { connectMs, handshakeMs, totalMs: performance.now() - started },
    };
  } finally {
    await client.destroy({ isApp: true, errorCode: 0, force: true }).catch(() => {});
  }
}

function summary(
  target: string,
  response: HandshakeResponse,
  problem: string | undefined,
  ok: boolean,
): string {
  if (response.accepted) {
    return ok
      ? `${target}: handshake accepted and verified (miner ${response.minerHotkey})`
      : `${target}: ${problem}`;
  }
  if (response.minerHotkey === '') {
    return `${target} is reachable: a btlightning server refused the probe before authentication (rate limit: at most 30 handshakes a minute); retry in a minute`;
  }
  return ok
    ? `${target} is reachable: miner ${response.minerHotkey} answered and refused the probe's key, as a miner that admits only its validator does`
    : `${target} is reachable, but: ${problem}`;
}

function connectFailure(
  quic: QuicModule,
  err: unknown,
  target: string,
  timeoutMs: number,
  fail: (kind: FailureKind, message: string) => QuicProbeResult,
): QuicProbeResult {
  const e = quic.errors;
  const timedOut =
    err instanceof e.ErrorQUICClientCreateTimeout ||
    err instanceof e.ErrorQUICConnectionStartTimeout ||
    err instanceof e.ErrorQUICConnectionIdleTimeout;
  if (timedOut) {
    return fail(
      'timeout',
      `no QUIC answer from ${target} within ${timeoutMs} ms: nothing listens on that UDP port, or a firewall, a missing port forward or CGNAT blocks it`,
    );
  }
  if (err instanceof e.ErrorQUICConnectionLocalTLS || err instanceof e.ErrorQUICConnectionPeerTLS) {
    return fail(
      'connection',
      `${target} speaks QUIC but the TLS handshake failed (not a btlightning server?): ${detail(err)}`,
    );
  }
  return fail('connection', `could not open a QUIC connection to ${target}: ${detail(err)}`);
}

/** The library's connection errors carry the peer's/local close reason in `data`. */
function detail(err: unknown): string {
  const data = (err as { data?: { errorCode?: number; reason?: Uint8Array } }).data;
  const reason = data?.reason?.length ? Buffer.from(data.reason).toString() : '';
  const code = data?.errorCode === undefined ? '' : ` (code ${data.errorCode})`;
  return `${errorMessage(err)}${code}${reason ? `: ${reason}` : ''}`;
}

/** `host:port` or `[v6]:port` (already shape-checked by the contract's QuicTargetSchema) → its parts. */
export function splitQuicTarget(target: string): { host: string; port: number } {
  const at = target.lastIndexOf(':');
  return { host: target.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(target.slice(at + 1)) };
}
