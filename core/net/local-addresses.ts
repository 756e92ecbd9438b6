import { networkInterfaces } from 'node:os';
import { classifyAddress } from './address-class.js';

/** This computer's non-loopback IPv4 addresses. */
export function localIpv4Addresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

/** The LAN address a router forwards to: the first private IPv4, else the first one at all. */
export function lanIpv4(): string | undefined {
  const all = localIpv4Addresses();
  return all.find((a) => classifyAddress(a) === 'private') ?? all[0];
}
