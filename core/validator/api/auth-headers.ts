import type { IncomingHttpHeaders } from 'node:http';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { decodeAddress, sr25519Verify } from '@polkadot/util-crypto';
import type { Sr25519Signer } from '../../bittensor/signer.js';
import type { PermitCache } from './permit-cache.js';

/** `MAX_SIGNATURE_LIFESPAN` (spec §13): how old a signed timestamp may be. */
export const MAX_SIGNATURE_AGE_S = 300;

export interface AuthPolicy {
  /** Public keys (0x-hex, lower case) allowed without a permit. */
  whitelist: ReadonlySet<string>;
  permits: PermitCache;
  nowS: () => number;
  maxAgeS?: number;
  /**
   * Upstream has no future bound; a stolen header could then be replayed until 300 s after its
   * timestamp, however far ahead. We also refuse timestamps more than this far in the future.
   */
  maxFutureS?: number;
}

export type AuthDecision =
  | { ok: true; origin: string; publicKey: string; netuid: number | undefined }
  | { ok: false; status: 400 | 401 | 403 | 503; reason: string };

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Spec §11 authentication: timestamp window, ss58 origin, sr25519 signature, then permit or whitelist. */
export async function authenticate(headers: IncomingHttpHeaders, policy: AuthPolicy): Promise<AuthDecision> {
  const timestamp = header(headers, 'x-timestamp');
  const origin = header(headers, 'x-origin-ss58');
  const signature = header(headers, 'x-signature');
  const netuidText = header(headers, 'x-netuid');
  if (!timestamp || !origin || !signature)
    return { ok: false, status: 401, reason: 'missing x-timestamp, x-origin-ss58 or x-signature header' };
  if (!/^\d{1,15}$/.test(timestamp))
    return { ok: false, status: 401, reason: 'x-timestamp is not unix seconds' };
  const age = policy.nowS() - Number(timestamp);
  if (age > (policy.maxAgeS ?? MAX_SIGNATURE_AGE_S))
    return {
      ok: false,
      status: 401,
      reason: `timestamp is ${age} s old (limit ${policy.maxAgeS ?? MAX_SIGNATURE_AGE_S} s)`,
    };
  if (-age > (policy.maxFutureS ?? MAX_SIGNATURE_AGE_S))
    return { ok: false, status: 401, reason: `timestamp is ${-age} s in the future` };

  let publicKey: Uint8Array;
  try {
    publicKey = decodeAddress(origin);
  } catch {
    return { ok: false, status: 401, reason: 'x-origin-ss58 is not a valid ss58 address' };
  }
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64)
    return { ok: false, status: 401, reason: 'x-signature is not a base64 sr25519 signature' };
  if (!sr25519Verify(stringToU8a(timestamp), sig, publicKey))
    return { ok: false, status: 401, reason: 'signature does not match x-origin-ss58' };

  const keyHex = u8aToHex(publicKey);
  let netuid: number | undefined;
  if (netuidText !== undefined) {
    if (!/^\d{1,5}$/.test(netuidText) || Number(netuidText) > 65535)
      return { ok: false, status: 400, reason: 'x-netuid is not a netuid' };
    netuid = Number(netuidText);
  }
  if (policy.whitelist.has(keyHex)) return { ok: true, origin, publicKey: keyHex, netuid };
  if (netuid === undefined)
    return { ok: false, status: 403, reason: 'not whitelisted (and no x-netuid given)' };
  let permitted: boolean;
  try {
    permitted = await policy.permits.hasPermit(netuid, keyHex);
  } catch (err) {
    return { ok: false, status: 503, reason: `neuron list of netuid ${netuid} unavailable: ${String(err)}` };
  }
  if (!permitted)
    return { ok: false, status: 403, reason: `no validator permit on netuid ${netuid} and not whitelisted` };
  return { ok: true, origin, publicKey: keyHex, netuid };
}

/** Normalise whitelist entries (ss58 addresses or 0x public keys) to lower-case 0x-hex public keys. */
export function whitelistKeys(entries: readonly string[]): Set<string> {
  return new Set(entries.map((e) => u8aToHex(decodeAddress(e.trim()))));
}

/** The headers a client sends (spec §11): base64 sr25519 signature over the decimal timestamp. */
export function signAuthHeaders(
  signer: Sr25519Signer,
  nowS: number,
  netuid?: number,
): Record<string, string> {
  const timestamp = String(Math.floor(nowS));
  return {
    'x-timestamp': timestamp,
    'x-origin-ss58': signer.address,
    'x-signature': Buffer.from(signer.sign(stringToU8a(timestamp))).toString('base64'),
    ...(netuid === undefined ? {} : { 'x-netuid': String(netuid) }),
  };
}
