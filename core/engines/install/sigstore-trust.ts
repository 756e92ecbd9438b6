/**
 * The Sigstore trust material the release signature is checked against.
 *
 * Production (`publicGoodTrust`): the public-good trusted root (Fulcio CAs, Rekor and CT log keys)
 * fetched through TUF from tuf-repo-cdn.sigstore.dev into a cache under the data folder, as
 * `sigstore.verify` does; when TUF cannot be reached it falls back to the trusted root embedded in the
 * installed `@sigstore/tuf` package (its `seeds.json`, verified at package build time). A stale
 * embedded root fails closed: signatures from keys it does not know do not verify.
 *
 * Tests inject their own `TrustedRoot` (a test Fulcio CA, CT log and Rekor log) through the same
 * `SigstoreTrust` type, so production and tests run the same verifier with the same thresholds.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { UserError } from '../../util/errors.js';

export interface SigstoreTrust {
  trustedRoot: TrustedRoot;
  /** Where the root came from, for the log and the install report. */
  origin: string;
}

export type SigstoreTrustSource = () => Promise<SigstoreTrust>;

export const TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

export function publicGoodTrust(options: { cacheDir: string; mirrorURL?: string }): SigstoreTrustSource {
  const mirrorURL = options.mirrorURL ?? TUF_MIRROR;
  return async () => {
    // Loaded when a release is checked, not at start-up: @sigstore/tuf takes ≈ 90 ms to load.
    const { getTrustedRoot } = await import('@sigstore/tuf');
    try {
      const trustedRoot = await getTrustedRoot({
        cachePath: options.cacheDir,
        mirrorURL,
        retry: { retries: 1 },
        timeout: 10_000,
      });
      return { trustedRoot, origin: `TUF ${mirrorURL}` };
    } catch (err) {
      return {
        trustedRoot: embeddedTrustedRoot(),
        origin: `the trusted root embedded in @sigstore/tuf (TUF unreachable: ${(err as Error).message})`,
      };
    }
  };
}

/**
 * `$SN2_SIGSTORE_TRUSTED_ROOT` (a trusted_root.json, like cosign's `SIGSTORE_ROOT_FILE`) for a private
 * Sigstore deployment or a test instance; otherwise the public-good instance.
 */
export function trustFromEnv(cacheDir: string, env: NodeJS.ProcessEnv = process.env): SigstoreTrustSource {
  const file = env.SN2_SIGSTORE_TRUSTED_ROOT;
  if (!file) return publicGoodTrust({ cacheDir });
  return async () => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UserError(`SN2_SIGSTORE_TRUSTED_ROOT: cannot read ${file}: ${(err as Error).message}`);
    }
    return { trustedRoot: TrustedRoot.fromJSON(json), origin: `${file} (SN2_SIGSTORE_TRUSTED_ROOT)` };
  };
}

/** The public-good trusted root shipped inside `@sigstore/tuf` (seed of the TUF cache). */
export function embeddedTrustedRoot(): TrustedRoot {
  const require = createRequire(import.meta.url);
  const seeds = JSON.parse(readFileSync(require.resolve('@sigstore/tuf/seeds.json'), 'utf8')) as Record<
    string,
    { targets: Record<string, string> }
  >;
  const encoded = seeds[TUF_MIRROR]?.targets['trusted_root.json'];
  if (!encoded) throw new Error('@sigstore/tuf ships no trusted root for the public-good instance');
  return TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
}
