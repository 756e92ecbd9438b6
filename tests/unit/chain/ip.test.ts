import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertServableAddress, intToIp, ipToInt } from '../../../core/chain/ip.js';
import { PreflightError } from '../../../core/chain/errors.js';
import { resolveExternalIp, httpIpLookup } from '../../../core/chain/external-ip.js';
import { sharedPath } from '../../helpers/shared.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const vectors = JSON.parse(readFileSync(sharedPath('vectors', 'ip-addresses.json'), 'utf8')) as Array<{
  ip: string;
  ip_type: number;
  int: string;
}>;

describe('serve_axon IP encoding (ip-addresses.json)', () => {
  it.each(vectors.map((v) => [v.ip, v] as const))('%s', (_ip, v) => {
    expect(ipToInt(v.ip)).toEqual({ ip: BigInt(v.int), ipType: v.ip_type });
    // The SDK prints any value < 2^32 as dotted IPv4, whatever ip_type says (so ::1 reads 0.0.0.1).
    expect(intToIp(BigInt(v.int))).toBe(v.ip_type === 4 || BigInt(v.int) >= 2n ** 32n ? v.ip : '0.0.0.1');
  });

  it('compresses IPv6 like Python and decodes small values as IPv4', () => {
    expect(intToIp(ipToInt('2001:db8:0:0:1:0:0:1').ip)).toBe('2001:db8::1:0:0:1');
    expect(intToIp(ipToInt('::ffff:1.2.3.4').ip)).toBe('::ffff:102:304');
    expect(() => ipToInt('not-an-ip')).toThrow(PreflightError);
  });
});

describe('assertServableAddress (chain rules)', () => {
  const check = (ip: string, port = 8091) => {
    const { ip: n, ipType } = ipToInt(ip);
    return () => assertServableAddress(n, ipType, port);
  };
  it('accepts public, private and "not serving" addresses', () => {
    for (const ip of ['203.0.113.5', '10.0.0.1', '0.0.0.0', '255.255.255.254', '2001:db8::1'])
      expect(check(ip)).not.toThrow();
  });
  it('rejects what the chain rejects, with the pallet error name', () => {
    expect(check('127.0.0.1')).toThrow(/^InvalidIpAddress: .*127\.0\.0\.1/);
    expect(check('255.255.255.255')).toThrow(/^InvalidIpAddress/);
    expect(check('::1')).toThrow(/^InvalidIpAddress/);
    expect(check('10.0.0.1', 0)).toThrow(/^InvalidPort/);
    expect(() => assertServableAddress(1n, 5, 8091)).toThrow(/^InvalidIpType/);
  });
});

describe('external IP', () => {
  it('prefers the manual override and validates it', async () => {
    const never = () => Promise.reject(new Error('must not be called'));
    await expect(resolveExternalIp('198.51.100.7', never)).resolves.toBe('198.51.100.7');
    await expect(resolveExternalIp('nope', never)).rejects.toThrow(/not an IP address/);
  });

  it('asks echo services in order over HTTP and skips bad answers', async () => {
    const server = createServer((req, res) => res.end(req.url === '/good' ? '198.51.100.9\n' : 'garbage'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(resolveExternalIp(undefined, httpIpLookup([`${base}/bad`, `${base}/good`]))).resolves.toBe(
        '198.51.100.9',
      );
      await expect(httpIpLookup([`${base}/bad`])()).rejects.toThrow(/--axon.external_ip/);
    } finally {
      server.close();
    }
  });
});
