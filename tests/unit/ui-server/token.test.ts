import { describe, expect, it } from 'vitest';
import { bearerToken, createBridgeToken, tokenMatches } from '../../../core/ui-server/token.js';
import { hostHeaderAllowed, isLoopbackHost } from '../../../core/ui-server/host-check.js';

describe('bridge token', () => {
  it('is 64 hex characters and different every time', () => {
    const a = createBridgeToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(createBridgeToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    const t = createBridgeToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t, t.toUpperCase())).toBe(false);
    expect(tokenMatches(t, t.slice(0, -1))).toBe(false);
    expect(tokenMatches(t, '')).toBe(false);
    expect(tokenMatches(t, undefined)).toBe(false);
  });

  it('reads a bearer header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('loopback checks', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.2', '::', 'example.org', '128.0.0.1'])
      expect(isLoopbackHost(h)).toBe(false);
  });

  it('checks the Host header only when bound to loopback', () => {
    expect(hostHeaderAllowed('localhost:8765', '127.0.0.1')).toBe(true);
    expect(hostHeaderAllowed('[::1]:8765', '::1')).toBe(true);
    expect(hostHeaderAllowed('attacker.example:8765', '127.0.0.1')).toBe(false);
    expect(hostHeaderAllowed(undefined, '127.0.0.1')).toBe(false);
    expect(hostHeaderAllowed('miner.example.org', '0.0.0.0')).toBe(true);
  });
});
