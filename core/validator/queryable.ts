import {
  TESTNET_NETUID,
  TESTNET_QUERYABLE_STAKE_THRESHOLD,
  VALIDATOR_STAKE_THRESHOLD,
} from '../sn2/constants.js';

export interface QueryableNeuron {
  uid: number;
  /** Stake weight in whole units (metagraph `total_stake`, rao ÷ 1e9). */
  stake: number;
  /** On-chain axon IP as text ("0.0.0.0" when never served). */
  axonIp: string;
}

export interface QueryablePolicy {
  /** Practice/local networks: loopback and private addresses are queryable too. */
  allowNonGlobalIps?: boolean;
}

/**
 * §8.2: a UID is queried iff its stake weight is below the validator threshold (1e19 on testnet 118,
 * so every UID there) and its axon IP is a global, non-multicast IPv4 address.
 */
export function queryableUids(
  neurons: readonly QueryableNeuron[],
  netuid: number,
  policy: QueryablePolicy = {},
): number[] {
  const threshold = netuid === TESTNET_NETUID ? TESTNET_QUERYABLE_STAKE_THRESHOLD : VALIDATOR_STAKE_THRESHOLD;
  return neurons
    .filter((n) => n.stake < threshold)
    .filter((n) => {
      const octets = parseIpv4(n.axonIp);
      if (!octets || isMulticast(octets)) return false;
      return policy.allowNonGlobalIps ? !isUnspecified(octets) : isGlobalIpv4(octets);
    })
    .map((n) => n.uid);
}

export function parseIpv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const octets = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : undefined;
}

const isMulticast = ([a]: number[]) => a >= 224 && a <= 239;
const isUnspecified = (o: number[]) => o.every((x) => x === 0);

/** CPython 3.11 `IPv4Address.is_global`: not in its private/reserved table and not in 100.64/10. */
export function isGlobalIpv4(o: number[]): boolean {
  const [a, b, c, d] = o;
  if (a === 0 || a === 10 || a === 127 || a >= 240) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && c === 0 && (d < 8 || d === 170 || d === 171)) return false;
  if (a === 192 && b === 0 && c === 2) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return true;
}
