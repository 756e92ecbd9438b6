/**
 * Upstream's GitHub releases and the two channels (spec sn2-2026.md §2.2):
 *   mainnet  bare semver tags (`14.6.0`; a leading `v` is tolerated, as the built-in updater strips it),
 *            normal releases: the newest by semver is what `releases/latest` returns.
 *   testnet  prereleases tagged `testnet-*` (`testnet-latest` is deleted and re-created on every push):
 *            the newest by publication time, as `install.sh` takes it.
 * The API base is injectable (`SN2_ENGINE_RELEASES_API`) so tests and mirrors use their own server.
 */
import { z } from 'zod';
import type { EngineChannel } from '../installed-engine.js';
import { UserError } from '../../util/errors.js';
import { formatZodError } from '../../util/zod-error.js';

export const DEFAULT_RELEASES_API = 'https://api.github.com/repos/inference-labs-inc/subnet-2';

export const releasesApi = (env: NodeJS.ProcessEnv = process.env): string =>
  env.SN2_ENGINE_RELEASES_API || DEFAULT_RELEASES_API;

const AssetSchema = z.object({
  name: z.string(),
  browser_download_url: z.string().url(),
  size: z.number().int().nonnegative(),
});

const ReleaseSchema = z.object({
  tag_name: z.string().min(1),
  prerelease: z.boolean(),
  draft: z.boolean().default(false),
  published_at: z.string().nullable().default(null),
  assets: z.array(AssetSchema),
});

export type Release = z.infer<typeof ReleaseSchema>;
export type ReleaseAsset = z.infer<typeof AssetSchema>;

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)$/;
/** The GitHub API answers a page of releases in well under this. */
const MAX_LISTING_BYTES = 8 * 1024 * 1024;

export const isMainnetTag = (tag: string): boolean => SEMVER.test(tag);
/** Testnet tags also name a folder on disk: only plain characters are accepted. */
export const isTestnetTag = (tag: string): boolean =>
  /^testnet-[A-Za-z0-9._-]+$/.test(tag) && !tag.includes('..');

/** Negative, zero or positive as semver tag `a` is older than, equal to or newer than `b`. */
export function compareSemverTags(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`not a release version: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  return 0;
}

const inChannel = (r: Release, channel: EngineChannel): boolean =>
  !r.draft && (channel === 'mainnet' ? !r.prerelease && isMainnetTag(r.tag_name) : isTestnetTag(r.tag_name));

/** The newest release of `channel`, or the one tagged `tag` (which must belong to that channel). */
export function selectRelease(releases: Release[], channel: EngineChannel, tag?: string): Release {
  const candidates = releases.filter((r) => inChannel(r, channel));
  if (tag) {
    const found = candidates.find((r) => r.tag_name === tag);
    if (!found)
      throw new UserError(
        releases.some((r) => r.tag_name === tag)
          ? `release ${tag} is not a ${channel} release`
          : `upstream has no release tagged ${tag}`,
      );
    return found;
  }
  if (candidates.length === 0) throw new UserError(`upstream lists no ${channel} release of sn2-miner`);
  return candidates.reduce((best, r) =>
    channel === 'mainnet'
      ? compareSemverTags(r.tag_name, best.tag_name) > 0
        ? r
        : best
      : (r.published_at ?? '') > (best.published_at ?? '')
        ? r
        : best,
  );
}

/** Upstream's releases (one page of 100, newest first, which covers both channels' current tags). */
export async function listReleases(
  apiBase: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Release[]> {
  const url = `${apiBase.replace(/\/$/, '')}/releases?per_page=100`;
  const signal = AbortSignal.any([
    AbortSignal.timeout(options.timeoutMs ?? 30_000),
    ...(options.signal ? [options.signal] : []),
  ]);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/vnd.github+json', 'user-agent': 'subnet2-desktop' },
      signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new UserError(`cannot reach ${url}: ${(err as Error).message}`, { cause: err });
  }
  const text = (await readCapped(response, MAX_LISTING_BYTES, url)).toString('utf8');
  if (!response.ok) throw new UserError(`${url} answered HTTP ${response.status}${rateLimitNote(response)}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError(`${url} did not answer JSON`);
  }
  const parsed = z.array(ReleaseSchema).safeParse(raw);
  if (!parsed.success) throw new UserError(`${url}: not a release listing (${formatZodError(parsed.error)})`);
  return parsed.data;
}

/**
 * GitHub's documented rate-limit answers (403 or 429): `x-ratelimit-remaining: 0` with `x-ratelimit-reset`
 * (epoch seconds) for the hourly limit, `retry-after` (seconds) for the secondary one.
 */
function rateLimitNote(response: Response): string {
  if (response.status !== 403 && response.status !== 429) return '';
  const retryAfter = Number(response.headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0)
    return `: GitHub's rate limit for this address; try again in ${Math.ceil(retryAfter / 60)} min`;
  if (response.headers.get('x-ratelimit-remaining') !== '0') return '';
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  const at =
    Number.isFinite(reset) && reset > 0
      ? ` after ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC`
      : ' later';
  return `: GitHub's hourly rate limit for this address is used up; try again${at}`;
}

/** A small file of a release (SHA256SUMS, its signature bundle) read into memory, size-capped. */
export async function fetchSmallAsset(
  asset: ReleaseAsset,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  if (asset.size > maxBytes)
    throw new UserError(`${asset.name} is ${asset.size} bytes, more than ${maxBytes}`);
  let response: Response;
  try {
    response = await fetch(asset.browser_download_url, {
      signal: AbortSignal.any([AbortSignal.timeout(60_000), ...(signal ? [signal] : [])]),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new UserError(`cannot download ${asset.name}: ${(err as Error).message}`, { cause: err });
  }
  const body = await readCapped(response, maxBytes, asset.name);
  if (!response.ok) throw new UserError(`${asset.name}: HTTP ${response.status}`);
  return body;
}

/** The whole body, refusing more than `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new UserError(`${what}: more than ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}
