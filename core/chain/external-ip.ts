import { isIP } from 'node:net';
import { UserError } from '../util/errors.js';

/** Returns this machine's public IP as seen from the internet. Injected so tests never go online. */
export type IpLookup = () => Promise<string>;

/** The SDK's order of echo services (bittensor `get_external_ip`), plain-text answers. */
export const DEFAULT_IP_ECHO_URLS = [
  'https://checkip.amazonaws.com',
  'https://api.ipify.org',
  'https://icanhazip.com',
];

export function httpIpLookup(
  urls: string[] = DEFAULT_IP_ECHO_URLS,
  fetchImpl: typeof fetch = fetch,
): IpLookup {
  return async () => {
    const problems: string[] = [];
    for (const url of urls) {
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(5_000) });
        const text = (await res.text()).trim();
        if (res.ok && isIP(text)) return text;
        problems.push(`${url}: unexpected answer`);
      } catch (err) {
        problems.push(`${url}: ${(err as Error).message}`);
      }
    }
    throw new UserError(
      `could not detect the external IP (${problems.join('; ')}); set it with --axon.external_ip`,
    );
  };
}

/** The manual override wins; otherwise ask the lookup. */
export async function resolveExternalIp(override: string | undefined, lookup: IpLookup): Promise<string> {
  if (override) {
    if (!isIP(override)) throw new UserError(`--axon.external_ip "${override}" is not an IP address`);
    return override;
  }
  return lookup();
}
