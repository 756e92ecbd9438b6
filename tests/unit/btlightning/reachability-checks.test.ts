import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../core/net/address-class.js';
import {
  checksQuic,
  publicIpv4Check,
  quicAxonOnChainCheck,
} from '../../../core/service/node-runtime/reachability-checks.js';

describe('classifyAddress: what SN2 2026 validators will dial (spec §5.1)', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.0', 'public'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['203.0.113.5', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['2001:db8::1', 'ipv6'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });
});

describe('public-ipv4 check', () => {
  it('passes a public IPv4 behind a home router', () => {
    expect(publicIpv4Check('8.8.4.4', ['192.168.1.20'])).toEqual({
      id: 'public-ipv4',
      ok: true,
      message: 'public IPv4 8.8.4.4',
    });
  });

  it('says so when the computer holds the public address itself', () => {
    expect(publicIpv4Check('8.8.4.4', ['8.8.4.4']).message).toMatch(/has the public IPv4 8\.8\.4\.4 itself/);
  });

  it('spots carrier-grade NAT from a 100.64/10 interface address', () => {
    const check = publicIpv4Check('8.8.4.4', ['100.72.3.4']);
    expect(check.ok).toBe(false);
    expect(check.message).toContain('100.72.3.4 (carrier-grade NAT');
    expect(check.fix).toMatch(/ask your provider for a public IPv4/);
  });

  it.each([
    ['192.168.1.20', /private \(LAN\) address/],
    ['100.64.9.9', /carrier-grade NAT/],
    ['2001:db8::5', /IPv6 address/],
  ])('refuses an announced %s', (ip, text) => {
    const check = publicIpv4Check(ip, []);
    expect(check).toMatchObject({ id: 'public-ipv4', ok: false });
    expect(check.message).toMatch(text);
    expect(check.fix).toMatch(/--axon\.external_ip/);
  });

  it('cannot check without an external IP', () => {
    expect(publicIpv4Check(undefined, [])).toMatchObject({ ok: false, skipped: true });
  });
});

describe('axon-chain check for the 2026 transport', () => {
  const axon = { ip: '8.8.4.4', port: 8091, ipType: 4, protocol: 4, version: 0, block: 100 };

  it('passes the entry the engine publishes', () => {
    expect(quicAxonOnChainCheck(axon, 8091, '8.8.4.4')).toEqual({
      id: 'axon-chain',
      ok: true,
      message: 'the chain announces 8.8.4.4:8091 (UDP, QUIC)',
    });
  });

  it('names every mismatch: stale IP, other port, IPv6, protocol', () => {
    const check = quicAxonOnChainCheck(
      { ...axon, ip: '8.8.8.8', port: 9000, ipType: 6, protocol: 0 },
      8091,
      '8.8.4.4',
    );
    expect(check.ok).toBe(false);
    expect(check.message).toBe(
      'the chain announces 8.8.8.8:9000: IP type 6 (the 2026 validators need IPv4), protocol 0 (validators dial only protocol 4), port 9000 instead of 8091, IP 8.8.8.8 instead of 8.8.4.4',
    );
  });

  it('explains an unregistered hotkey and an unserved axon', () => {
    expect(quicAxonOnChainCheck(undefined, 8091, undefined)).toMatchObject({ skipped: true });
    expect(quicAxonOnChainCheck(null, 8091, undefined)).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/serve_axon/),
    });
  });

  it('mainnet, or a network forced to 2026 in Settings, is checked over QUIC; the others keep the v10 checks', () => {
    expect(checksQuic('finney')).toBe(true);
    expect(['practice', 'local', 'test', 'custom'].some((n) => checksQuic(n))).toBe(false);
    expect(checksQuic('test', '2026')).toBe(true);
    expect(checksQuic('finney', 'v10')).toBe(false);
    expect(checksQuic('practice', '2026')).toBe(false);
  });
});
