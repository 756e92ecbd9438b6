/**
 * Checks `SHA256SUMS.sigstore.json` over the exact bytes of `SHA256SUMS` (spec sn2-2026.md §2.3 step 2),
 * what `cosign verify-blob --bundle … --certificate-identity … --certificate-oidc-issuer …` does:
 *   - the bundle parses as a Sigstore bundle (a message signature);
 *   - the signing certificate chains to a Fulcio CA of the trusted root at the signing time, carries
 *     ≥ 1 valid SCT from a trusted CT log, and the signature is logged in a trusted Rekor log
 *     (≥ 1 entry whose inclusion promise or checkpoint-signed inclusion proof verifies, and whose body
 *     names this signature and digest) — the `@sigstore/verify` defaults, never lowered;
 *   - the signature verifies over the bytes;
 *   - the certificate's SAN URI and OIDC issuer equal the release workflow's identity for this tag
 *     and GitHub's issuer EXACTLY. (`@sigstore/verify` treats the SAN policy as an unanchored regular
 *     expression, so `…@refs/tags/14.6.0` would also accept `…@refs/tags/14.6.01`; we compare strings.)
 * Any failure throws a `ReleaseVerificationError` naming what did not hold: fail closed.
 */
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import type { SigstoreTrust } from './sigstore-trust.js';
import { ReleaseVerificationError } from './errors.js';

export const RELEASE_REPOSITORY = 'inference-labs-inc/subnet-2';
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The SAN URI of a release signed by upstream's release workflow for `tag`. */
export const releaseWorkflowIdentity = (tag: string): string =>
  `https://github.com/${RELEASE_REPOSITORY}/.github/workflows/release.yml@refs/tags/${tag}`;

export interface SignatureCheck {
  identity: string;
  issuer: string;
  trustOrigin: string;
}

export function verifySha256SumsSignature(input: {
  bundleJson: Buffer;
  sha256sums: Buffer;
  tag: string;
  trust: SigstoreTrust;
}): SignatureCheck {
  const fail = (why: string): never => {
    throw new ReleaseVerificationError(`the signature of SHA256SUMS of release ${input.tag} ${why}`);
  };
  let bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(input.bundleJson.toString('utf8')));
  } catch (err) {
    return fail(`is not a Sigstore bundle: ${(err as Error).message}`);
  }
  if (bundle.content.$case !== 'messageSignature')
    return fail('is not a message signature (cosign sign-blob) bundle');

  let signer;
  try {
    const verifier = new Verifier(toTrustMaterial(input.trust.trustedRoot));
    signer = verifier.verify(toSignedEntity(bundle, input.sha256sums));
  } catch (err) {
    return fail(`does not verify: ${(err as Error).message}`);
  }
  const expected = releaseWorkflowIdentity(input.tag);
  const identity = signer.identity?.subjectAlternativeName;
  if (identity !== expected)
    return fail(
      `was made by ${identity ?? 'an unnamed signer'}, not upstream's release workflow (${expected})`,
    );
  const issuer = signer.identity?.extensions?.issuer;
  if (issuer !== GITHUB_ACTIONS_ISSUER)
    return fail(`names OIDC issuer ${issuer ?? '(none)'}, not ${GITHUB_ACTIONS_ISSUER}`);
  return { identity, issuer, trustOrigin: input.trust.origin };
}
