/**
 * The btlightning handshake, validator (client) side (spec sn2-2026 §4.6; btlightning v0.2.5 client.rs,
 * signing.rs): the request is signed over the server certificate's fingerprint, so a signature made for one TLS
 * session cannot be replayed to another server.
 */
import { randomBytes } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import type { Sr25519Signer } from '../bittensor/signer.js';
import { publicKeyFromSs58, verifySignature } from '../bittensor/keys/index.js';
import type { HandshakeRequest, HandshakeResponse } from './messages.js';

/** base64 (standard alphabet, with padding) of the unkeyed BLAKE2b-256 of the certificate DER: 44 characters. */
export function certFingerprint(certDer: Uint8Array): string {
  return Buffer.from(blake2b(certDer, { dkLen: 32 })).toString('base64');
}

export const handshakeRequestMessage = (
  validatorHotkey: string,
  timestamp: number | bigint,
  nonce: string,
  certFp: string,
): string => `handshake:${validatorHotkey}:${timestamp}:${nonce}:${certFp}`;

export const handshakeResponseMessage = (
  validatorHotkey: string,
  minerHotkey: string,
  timestamp: number | bigint,
  nonce: string,
  certFp: string,
): string => `handshake_response:${validatorHotkey}:${minerHotkey}:${timestamp}:${nonce}:${certFp}`;

/** 32 lower-case hex characters from 16 random bytes. */
export const newNonce = (): string => randomBytes(16).toString('hex');

const utf8 = new TextEncoder();

/** A signed HandshakeRequest for the server whose certificate has fingerprint `certFp`. */
export function createHandshakeRequest(
  signer: Sr25519Signer,
  certFp: string,
  now: Date = new Date(),
  nonce: string = newNonce(),
): HandshakeRequest {
  const timestamp = Math.floor(now.getTime() / 1000);
  const message = handshakeRequestMessage(signer.address, timestamp, nonce, certFp);
  return {
    validatorHotkey: signer.address,
    timestamp,
    nonce,
    signature: Buffer.from(signer.sign(utf8.encode(message))).toString('base64'),
  };
}

/** True when `signatureB64` is a valid sr25519 signature of `message` by `ss58` (any bad input → false). */
export function verifyBase64Signature(message: string, signatureB64: string, ss58: string): boolean {
  let publicKey: Uint8Array;
  try {
    publicKey = publicKeyFromSs58(ss58);
  } catch {
    return false;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(signatureB64)) return false;
  return verifySignature(utf8.encode(message), Buffer.from(signatureB64, 'base64'), publicKey);
}

/** What the validator concludes from a HandshakeResponse, with each of client.rs's checks kept apart. */
export interface HandshakeVerdict {
  accepted: boolean;
  /** The response's signature verifies under `minerHotkey` (false for rejections, which are unsigned). */
  signatureValid: boolean;
  /** The response names our server's certificate (only accepted responses carry one). */
  fingerprintMatches: boolean;
  /** `minerHotkey` equals the expected hotkey; undefined when none was expected. */
  hotkeyMatches?: boolean;
  /** Why a validator would not use this connection; undefined when it would. */
  problem?: string;
}

/**
 * Checks a reply as btlightning's client does: accepted, signed by `minerHotkey` over our own request and our
 * own view of the certificate, `cert_fingerprint == Some(fp)`, and the miner hotkey we expected. The response
 * timestamp is not checked (neither does Rust).
 */
export function judgeHandshakeResponse(
  request: HandshakeRequest,
  response: HandshakeResponse,
  certFp: string,
  expectHotkey?: string,
): HandshakeVerdict {
  const hotkeyMatches =
    expectHotkey === undefined ? undefined : sameAccount(response.minerHotkey, expectHotkey);
  const fingerprintMatches = response.certFingerprint === certFp;
  const message = handshakeResponseMessage(
    request.validatorHotkey,
    response.minerHotkey,
    response.timestamp,
    request.nonce,
    certFp,
  );
  const signatureValid =
    response.signature !== '' && verifyBase64Signature(message, response.signature, response.minerHotkey);
  const problem = !response.accepted
    ? response.minerHotkey === ''
      ? 'the server refused the handshake before authentication (rate limit or unparsable request)'
      : `the server (miner ${response.minerHotkey}) refused the handshake`
    : hotkeyMatches === false
      ? `the server is miner ${response.minerHotkey}, not the expected ${expectHotkey}`
      : response.certFingerprint === null
        ? 'the server did not send its certificate fingerprint'
        : !fingerprintMatches
          ? `the server signed for certificate ${response.certFingerprint}, but its TLS certificate is ${certFp}`
          : !signatureValid
            ? `the miner's signature does not verify under ${response.minerHotkey}`
            : undefined;
  return {
    accepted: response.accepted,
    signatureValid,
    fingerprintMatches,
    ...(hotkeyMatches === undefined ? {} : { hotkeyMatches }),
    ...(problem ? { problem } : {}),
  };
}

/** Accounts compare by public key (an ss58 of another prefix is the same account). */
function sameAccount(a: string, b: string): boolean {
  try {
    return Buffer.from(publicKeyFromSs58(a)).equals(Buffer.from(publicKeyFromSs58(b)));
  } catch {
    return a === b;
  }
}
