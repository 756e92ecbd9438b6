import { describe, expect, it } from 'vitest';
import { parseProcNetRoute, parseRouteGetDefault } from '../../../core/net/default-gateway.js';

describe('default gateway (where NAT-PMP requests go)', () => {
  it('reads the default route of /proc/net/route (little-endian hex)', () => {
    const table = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0',
      'eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
    ].join('\n');
    expect(parseProcNetRoute(table)).toBe('192.168.1.1');
    expect(parseProcNetRoute(table.split('\n').slice(0, 2).join('\n'))).toBeUndefined();
  });

  it('reads "gateway:" of macOS route -n get default', () => {
    const text =
      '   route to: default\ndestination: default\n       mask: default\n    gateway: 10.0.0.1\n  interface: en0\n';
    expect(parseRouteGetDefault(text)).toBe('10.0.0.1');
    expect(parseRouteGetDefault('route: writing to routing socket: not in table')).toBeUndefined();
  });
});
