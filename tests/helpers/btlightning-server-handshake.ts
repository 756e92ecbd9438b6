/**
 * The btlightning SERVER's handshake checks, in btlightning v0.2.5's order (spec sn2-2026 §4.6, server/handshake.rs
 * and server/dispatch.rs), for the test server that stands in for the official sn2-miner's QUIC listener.
 * Rejections carry no signature; the accepted reply is signed over the server's own certificate fingerprint.
 */
import type { Keypair } from '../../core/bittensor/keys/index.js';
import {
  handshakeRequestMessage,
  handshakeResponseMessage,
  verifyBase64Signature,
} from '../../core/btlightning/handshake.js';
import { decodeHandshakeRequest, type HandshakeResponse } from '../../core/btlightning/messages.js';

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';
export type LogSink = (level: LogLevel, target: string, message: string) => void;

const HANDSHAKE_TARGET = 'btlightning::server::handshake';
const DISPATCH_TARGET = 'btlightning::server::dispatch';
const RATE_LIMIT = 30;
const RATE_WINDOW_S = 60;
const MAX_AGE_S = 300;
const MAX_FUTURE_S = 60;
const MAX_CONNECTIONS = 128;

export interface HandshakeServerState {
  miner: Keypair;
  /** The server certificate's fingerprint, as this server computes it. */
  certFp: string;
  /** Validator hotkeys admitted (require_validator_permit); undefined = any correctly signed hotkey. */
  admitted?: Set<string>;
  /** Seconds since the epoch (injectable for clock-skew tests). */
  now: () => number;
  log: LogSink;
  /** Sign the accepted reply over this fingerprint instead of `certFp` (a server that is not who it claims). */
  signFingerprint?: string;
  /** Sign the accepted reply with this key while naming `miner` (an impostor without the miner's secret). */
  signWith?: Keypair;
  handshakesByIp: Map<string, number[]>;
  usedNonces: Map<string, number>;
  /** validator hotkey → remote address of its connection. */
  validators: Map<string, string>;
}

/** One HandshakeRequest payload from `remote` (`ip:port`) → the reply, and the validator hotkey when accepted. */
export function answerHandshake(
  s: HandshakeServerState,
  payload: Uint8Array,
  remote: { host: string; port: number },
): { response: HandshakeResponse; accepted?: string } {
  const now = s.now();
  const reject = (minerHotkey: string): { response: HandshakeResponse } => ({
    response: {
      minerHotkey,
      timestamp: now,
      signature: '',
      accepted: false,
      connectionId: '',
      certFingerprint: null,
    },
  });
  const recent = (s.handshakesByIp.get(remote.host) ?? []).filter((t) => now - t < RATE_WINDOW_S);
  recent.push(now);
  s.handshakesByIp.set(remote.host, recent);
  if (recent.length > RATE_LIMIT) {
    s.log('WARN', DISPATCH_TARGET, `Handshake rate limit exceeded for ${remote.host}`);
    return reject('');
  }
  let request;
  try {
    request = decodeHandshakeRequest(payload);
  } catch (err) {
    s.log('WARN', DISPATCH_TARGET, `Failed to parse handshake request: ${(err as Error).message}`);
    return reject('');
  }
  const own = s.miner.address;
  const invalid = (detail?: string) => {
    if (detail) s.log('ERROR', HANDSHAKE_TARGET, detail);
    s.log('ERROR', HANDSHAKE_TARGET, 'Handshake failed: invalid signature');
    return reject(own);
  };
  const ts = Number(request.timestamp);
  if (now > ts && now - ts >= MAX_AGE_S)
    return invalid(`Signature timestamp too old: ${ts} (current: ${now})`);
  if (ts > now + MAX_FUTURE_S)
    return invalid(`Signature timestamp too far in future: ${ts} (current: ${now})`);
  if (!/^[0-9A-Fa-f]{32}$/.test(request.nonce)) return invalid('Invalid nonce format');
  const message = handshakeRequestMessage(
    request.validatorHotkey,
    request.timestamp,
    request.nonce,
    s.certFp,
  );
  if (!verifyBase64Signature(message, request.signature, request.validatorHotkey)) return invalid();
  for (const [nonce, at] of s.usedNonces) if (now - at > MAX_AGE_S) s.usedNonces.delete(nonce);
  if (s.usedNonces.has(request.nonce)) return invalid(`Nonce already used: ${request.nonce}`);
  s.usedNonces.set(request.nonce, now);
  if (s.admitted && !s.admitted.has(request.validatorHotkey)) {
    s.log(
      'WARN',
      HANDSHAKE_TARGET,
      `Handshake rejected: hotkey ${request.validatorHotkey} does not hold a validator permit`,
    );
    return reject(own);
  }
  if (s.validators.size >= MAX_CONNECTIONS && !s.validators.has(request.validatorHotkey)) {
    s.log(
      'ERROR',
      HANDSHAKE_TARGET,
      `Connection limit reached (${s.validators.size}/${MAX_CONNECTIONS}), rejecting validator ${request.validatorHotkey}`,
    );
    return reject(own);
  }
  const fp = s.signFingerprint ?? s.certFp;
  const signed = handshakeResponseMessage(request.validatorHotkey, own, now, request.nonce, fp);
  const connectionId = `conn_${request.validatorHotkey}_${Date.now()}`;
  s.log('INFO', HANDSHAKE_TARGET, `Handshake successful, established connection: ${connectionId}`);
  return {
    accepted: request.validatorHotkey,
    response: {
      minerHotkey: own,
      timestamp: now,
      signature: Buffer.from((s.signWith ?? s.miner).sign(new TextEncoder().encode(signed))).toString(
        'base64',
      ),
      accepted: true,
      connectionId,
      certFingerprint: fp,
    },
  };
}
