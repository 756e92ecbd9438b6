import { isIP } from 'node:net';
import { UserError } from '../util/errors.js';

/** Returns this machine's public IP as seen from the internet. Injected so tests never go online. */
export type IpLookup = () => Promise<string>;

/** The SDK's echo services (bittensor `get_external_ip`), plain-text answers. */
export const DEFAULT_IP_ECHO_URLS = [
  'https://checkip.amazonaws.com',
  'https://api.ipify.org',
  'https://icanhazip.com',
];

/** Offline, every lookup hangs until its timeout: this bounds the whole detection. */
export const IP_LOOKUP_TIMEOUT_MS = 3_000;

/**
 * Asks every echo service at once (the SDK asks them one after another, which offline stalls for
 * each one's timeout); the first valid IP wins and the other requests are cancelled. Gives up after
 * `timeoutMs` in total.
 */
export function httpIpLookup(
  urls: string[] = DEFAULT_IP_ECHO_URLS,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = IP_LOOKUP_TIMEOUT_MS,
): IpLookup {
  return async () => {
    const cancel = new AbortController();
    const signal = cancel.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      cancel.abort();
    }, timeoutMs);
    const ask = async (url: string): Promise<string> => {
      let text: string;
      let ok: boolean;
      try {
        const res = await fetchImpl(url, { signal });
        ok = res.ok;
        text = (await res.text()).trim();
      } catch (err) {
        throw new Error(`${url}: ${timedOut ? `no answer in ${timeoutMs} ms` : (err as Error).message}`);
      }
      if (ok && isIP(text)) return text;
      throw new Error(`${url}: unexpected answer`);
    };
    try {
      return await Promise.any(urls.map(ask));
    } catch (err) {
      const problems = (err as AggregateError).errors.map((e: Error) => e.message);
      throw new UserError(
        `could not detect the external IP (${problems.join('; ')}); set --axon.external_ip (Settings → Axon → External IP)`,
      );
    } finally {
      clearTimeout(timer);
      cancel.abort();
    }
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
