import { describe, expect, it } from 'vitest';
import {
  GITHUB_ACTIONS_ISSUER,
  releaseWorkflowIdentity,
  verifySha256SumsSignature,
} from '../../../core/engines/install/signature.js';
import { embeddedTrustedRoot, publicGoodTrust } from '../../../core/engines/install/sigstore-trust.js';
import { ReleaseVerificationError } from '../../../core/engines/install/errors.js';
import { createTestSigstore } from '../../helpers/engines/test-sigstore.js';

const TAG = '14.6.0';
const sums = Buffer.from(`${'ab'.repeat(32)}  sn2-miner-linux-x86_64\n${'cd'.repeat(32)}  sbom.cdx.json\n`);
const sigstore = createTestSigstore();
const trust = { trustedRoot: sigstore.trustedRoot, origin: 'test' };
const verify = (bundle: string, data = sums, tag = TAG) =>
  verifySha256SumsSignature({ bundleJson: Buffer.from(bundle), sha256sums: data, tag, trust });

describe('SHA256SUMS.sigstore.json verification (spec sn2-2026.md §2.3)', () => {
  it('accepts a bundle from the release workflow of the tag, with GitHub as issuer', () => {
    const bundle = sigstore.signBlob(sums, { identity: releaseWorkflowIdentity(TAG) });
    expect(verify(bundle)).toEqual({
      identity:
        'https://github.com/inference-labs-inc/subnet-2/.github/workflows/release.yml@refs/tags/14.6.0',
      issuer: GITHUB_ACTIONS_ISSUER,
      trustOrigin: 'test',
    });
  });

  it.each([
    [
      'another workflow',
      'https://github.com/inference-labs-inc/subnet-2/.github/workflows/nightly.yml@refs/tags/14.6.0',
      /not upstream's release workflow/,
    ],
    ['another tag', releaseWorkflowIdentity('14.5.0'), /not upstream's release workflow/],
    [
      'a tag that only starts like it (no regex match)',
      releaseWorkflowIdentity('14.6.01'),
      /was made by .*14\.6\.01/,
    ],
    [
      'a fork',
      'https://github.com/someone/subnet-2/.github/workflows/release.yml@refs/tags/14.6.0',
      /was made by/,
    ],
  ])('refuses a certificate issued to %s', (_what, identity, message) => {
    expect(() => verify(sigstore.signBlob(sums, { identity }))).toThrow(message);
  });

  it('refuses another OIDC issuer', () => {
    const bundle = sigstore.signBlob(sums, {
      identity: releaseWorkflowIdentity(TAG),
      issuer: 'https://accounts.google.com',
    });
    expect(() => verify(bundle)).toThrow(
      /names OIDC issuer https:\/\/accounts\.google\.com, not https:\/\/token\.actions/,
    );
  });

  it('refuses a signature over other bytes, and SHA256SUMS changed after signing', () => {
    const bad = sigstore.signBlob(sums, {
      identity: releaseWorkflowIdentity(TAG),
      signOver: Buffer.from('x'),
    });
    expect(() => verify(bad)).toThrow(/does not verify: signature verification failed/);
    const good = sigstore.signBlob(sums, { identity: releaseWorkflowIdentity(TAG) });
    const tampered = Buffer.from(sums.toString().replace('ab', 'ba'));
    expect(() => verify(good, tampered)).toThrow(ReleaseVerificationError);
  });

  it('refuses a bundle from a CA, CT log and Rekor the trusted root does not know', () => {
    const stranger = createTestSigstore('stranger');
    const bundle = stranger.signBlob(sums, { identity: releaseWorkflowIdentity(TAG) });
    expect(() => verify(bundle)).toThrow(/does not verify/);
  });

  it('refuses a bundle whose transparency-log entry was removed or altered', () => {
    const bundle = JSON.parse(sigstore.signBlob(sums, { identity: releaseWorkflowIdentity(TAG) }));
    const noTlog = structuredClone(bundle);
    noTlog.verificationMaterial.tlogEntries = [];
    expect(() => verify(JSON.stringify(noTlog))).toThrow(/does not verify|not a Sigstore bundle/);
    const forged = structuredClone(bundle);
    forged.verificationMaterial.tlogEntries[0].integratedTime = String(
      Number(bundle.verificationMaterial.tlogEntries[0].integratedTime) + 1,
    );
    expect(() => verify(JSON.stringify(forged))).toThrow(/does not verify/);
  });

  it('refuses what is not a bundle', () => {
    expect(() => verify('{"hello": 1}')).toThrow(/is not a Sigstore bundle/);
    expect(() => verify('not json')).toThrow(/is not a Sigstore bundle/);
  });
});

describe('production trust material', () => {
  it('the trusted root embedded in @sigstore/tuf names the public-good Fulcio, CT logs and Rekor', () => {
    const root = embeddedTrustedRoot();
    expect(root.certificateAuthorities.some((ca) => ca.uri.includes('fulcio.sigstore.dev'))).toBe(true);
    expect(root.tlogs.some((t) => t.baseUrl.includes('rekor.sigstore.dev'))).toBe(true);
    expect(root.ctlogs.length).toBeGreaterThan(0);
  });

  it('falls back to the embedded root when TUF cannot be reached, and says so', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const cacheDir = mkdtempSync(join(tmpdir(), 'sn2-tuf-'));
    const got = await publicGoodTrust({ cacheDir, mirrorURL: 'http://127.0.0.1:9' })();
    expect(got.origin).toMatch(/embedded in @sigstore\/tuf \(TUF unreachable/);
    expect(got.trustedRoot.certificateAuthorities.length).toBeGreaterThan(0);
  });

  it('a bundle signed by the test instance does not verify against the public-good root', () => {
    const bundle = sigstore.signBlob(sums, { identity: releaseWorkflowIdentity(TAG) });
    expect(() =>
      verifySha256SumsSignature({
        bundleJson: Buffer.from(bundle),
        sha256sums: sums,
        tag: TAG,
        trust: { trustedRoot: embeddedTrustedRoot(), origin: 'embedded' },
      }),
    ).toThrow(/does not verify/);
  });
});
