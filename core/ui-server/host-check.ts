import { isIP } from 'node:net';

/** Loopback addresses and names: the only binds allowed without --allow-remote. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * Against DNS rebinding: when bound to loopback, a request must name a loopback host in its Host
 * header (a page on evil.example resolved to 127.0.0.1 still sends `Host: evil.example`).
 */
export function hostHeaderAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (!isLoopbackHost(boundHost)) return true;
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : hostHeader.split(':')[0];
  return isLoopbackHost(name);
}
