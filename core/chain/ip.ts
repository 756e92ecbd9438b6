import { isIP } from 'node:net';
import { PreflightError } from './errors.js';

export type IpType = 4 | 6;

/** IP text → the integer `serve_axon` carries (IPv4 a·2^24+…; IPv6 128-bit big-endian). */
export function ipToInt(ip: string): { ip: bigint; ipType: IpType } {
  const kind = isIP(ip);
  if (kind === 4) {
    return { ip: ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n), ipType: 4 };
  }
  if (kind === 6) return { ip: ipv6ToBigInt(ip), ipType: 6 };
  throw new PreflightError('InvalidIpAddress', `"${ip}" is not an IPv4 or IPv6 address`);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = Number(ipToInt(v4[1]).ip);
    text = text.slice(0, -v4[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** As the SDK prints it: any value < 2^32 is dotted IPv4 (whatever ip_type says), else compressed IPv6. */
export function intToIp(value: bigint): string {
  if (value < 2n ** 32n) {
    return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Compress the longest run (≥ 2) of zero groups, first one on ties, as Python's ipaddress does.
  let best = { start: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i > 1) best = { start: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`;
}

const IPV4_MAX = 2n ** 32n - 1n;
const IPV6_MAX = 2n ** 128n - 1n;
const LOOPBACK_V4 = 0x7f000001n;

/**
 * The chain's `serve_axon` address checks (InvalidIpType, InvalidIpAddress, InvalidPort), run before
 * submitting so the user gets a sentence instead of "Custom error: 11". 0 ("not serving") passes;
 * private ranges pass (the chain accepts them).
 */
export function assertServableAddress(ip: bigint, ipType: number, port: number): void {
  if (ipType !== 4 && ipType !== 6)
    throw new PreflightError('InvalidIpType', `ip_type must be 4 or 6, got ${ipType}`);
  if (ipType === 4 && (ip >= IPV4_MAX || ip === LOOPBACK_V4)) {
    throw new PreflightError(
      'InvalidIpAddress',
      `the chain rejects ${intToIp(ip)}: loopback (127.0.0.1) and 255.255.255.255 cannot be served; use your public IP (--axon.external_ip)`,
    );
  }
  if (ipType === 6 && (ip === 1n || ip === IPV6_MAX || ip > IPV6_MAX)) {
    throw new PreflightError(
      'InvalidIpAddress',
      `the chain rejects ${intToIp(ip)}: ::1 and ffff…ffff cannot be served`,
    );
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new PreflightError('InvalidPort', `port must be 1–65535, got ${port}`);
  }
}
