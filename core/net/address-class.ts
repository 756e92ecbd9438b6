import { isIPv4, isIPv6 } from 'node:net';

/**
 * What kind of address an IP is, for reachability: SN2 2026 validators dial only globally routable IPv4
 * (spec sn2-2026 §5.1: private ranges and CGNAT 100.64.0.0/10 are never dialled).
 */
export type AddressClass =
  'public' | 'private' | 'cgnat' | 'loopback' | 'link-local' | 'reserved' | 'ipv6' | 'invalid';

/** IPv4 ranges that are not globally routable (RFC 6890 and its registry), with what they are. */
const SPECIAL_V4: Array<[string, number, Exclude<AddressClass, 'public' | 'ipv6' | 'invalid'>]> = [
  ['0.0.0.0', 8, 'reserved'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'reserved'],
  ['240.0.0.0', 4, 'reserved'],
];

const toInt = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);

export function classifyAddress(ip: string): AddressClass {
  if (isIPv6(ip)) return 'ipv6';
  if (!isIPv4(ip)) return 'invalid';
  const n = toInt(ip);
  for (const [base, bits, kind] of SPECIAL_V4) {
    const size = 2 ** (32 - bits);
    const start = toInt(base);
    if (n >= start && n < start + size) return kind;
  }
  return 'public';
}

export const ADDRESS_CLASS_TEXT: Record<AddressClass, string> = {
  public: 'a public IPv4 address',
  private: 'a private (LAN) address',
  cgnat: "an address of your provider's carrier-grade NAT (100.64.0.0/10)",
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  reserved: 'a reserved (not routable) address',
  ipv6: 'an IPv6 address',
  invalid: 'not an IP address',
};
