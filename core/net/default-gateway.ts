import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isIPv4 } from 'node:net';

/**
 * The IPv4 default gateway (the home router), where NAT-PMP requests go (RFC 6886 §3: "the client sends to the
 * gateway's address"). Linux: /proc/net/route; macOS: `route -n get default`. Windows: none (UPnP discovers the
 * router by multicast instead). Undefined when unknown.
 */
export async function defaultGatewayIpv4(): Promise<string | undefined> {
  try {
    if (process.platform === 'linux') return parseProcNetRoute(await readFile('/proc/net/route', 'utf8'));
    if (process.platform === 'darwin')
      return parseRouteGetDefault(await run('/sbin/route', ['-n', 'get', 'default']));
  } catch {
    return undefined;
  }
  return undefined;
}

/** The gateway of the first default route (destination 00000000) in /proc/net/route (little-endian hex). */
export function parseProcNetRoute(text: string): string | undefined {
  for (const line of text.split('\n').slice(1)) {
    const [, destination, gateway, flags] = line.trim().split(/\s+/);
    // RTF_UP (1) | RTF_GATEWAY (2)
    if (destination !== '00000000' || !gateway || (parseInt(flags, 16) & 3) !== 3) continue;
    const n = parseInt(gateway, 16);
    const ip = [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join('.');
    if (ip !== '0.0.0.0') return ip;
  }
  return undefined;
}

export function parseRouteGetDefault(text: string): string | undefined {
  const ip = /^\s*gateway:\s*(\S+)\s*$/m.exec(text)?.[1];
  return ip && isIPv4(ip) ? ip : undefined;
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 3_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}
