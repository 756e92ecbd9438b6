import { describe, expect, it } from 'vitest';
import { osOf, signingStatus } from '../../../scripts/packaging/signing.js';

describe('signingStatus', () => {
  it('says a mac build without credentials is unsigned and not notarised, and turns off keychain discovery', () => {
    const s = signingStatus({}, 'mac');
    expect(s.signWith).toBeNull();
    expect(s.notarizeWith).toBeNull();
    expect(s.incomplete).toEqual([]);
    expect(s.extraEnv).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(s.summary).toMatch(/^UNSIGNED.*NOT notarised$/);
  });

  it('signs and notarises a mac build with a certificate and an App Store Connect API key', () => {
    const s = signingStatus(
      {
        CSC_LINK: 'file:///secrets/dev-id.p12',
        CSC_KEY_PASSWORD: 'pw',
        APPLE_API_KEY: '/secrets/AuthKey.p8',
        APPLE_API_KEY_ID: 'ABC123',
        APPLE_API_ISSUER: 'issuer-uuid',
      },
      'mac',
    );
    expect(s.signWith).toBe('certificate file CSC_LINK');
    expect(s.notarizeWith).toBe('App Store Connect API key');
    expect(s.incomplete).toEqual([]);
    expect(s.extraEnv).toEqual({});
  });

  it('accepts a keychain identity and Apple ID notarisation', () => {
    const s = signingStatus(
      {
        CSC_NAME: 'Developer ID Application: X',
        APPLE_ID: 'a@b.c',
        APPLE_APP_SPECIFIC_PASSWORD: 'p',
        APPLE_TEAM_ID: 'T',
      },
      'mac',
    );
    expect(s.signWith).toContain('keychain identity');
    expect(s.notarizeWith).toBe('Apple ID');
  });

  it('reports half-configured setups instead of silently building unsigned', () => {
    const mac = signingStatus({ CSC_LINK: 'x.p12', APPLE_ID: 'a@b.c' }, 'mac');
    expect(mac.incomplete).toEqual([
      'CSC_KEY_PASSWORD',
      'APPLE_APP_SPECIFIC_PASSWORD (for Apple ID)',
      'APPLE_TEAM_ID (for Apple ID)',
    ]);
    const notarizeOnly = signingStatus(
      { APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 'u' },
      'mac',
    );
    expect(notarizeOnly.incomplete).toEqual(['CSC_LINK or CSC_NAME (notarisation needs a signed app)']);
    expect(signingStatus({ WIN_CSC_LINK: 'cert.pfx' }, 'win').incomplete).toEqual(['WIN_CSC_KEY_PASSWORD']);
  });

  it('prefers WIN_CSC_LINK on Windows, treats blank values as unset, and never signs Linux packages', () => {
    expect(
      signingStatus({ WIN_CSC_LINK: 'w.pfx', WIN_CSC_KEY_PASSWORD: 'p', CSC_LINK: 'm.p12' }, 'win').signWith,
    ).toBe('certificate file WIN_CSC_LINK');
    const blank = signingStatus({ CSC_LINK: '  ' }, 'win');
    expect(blank.signWith).toBeNull();
    expect(blank.summary).toMatch(/^UNSIGNED/);
    const linux = signingStatus({ CSC_LINK: 'x.p12', CSC_KEY_PASSWORD: 'p' }, 'linux');
    expect(linux.signWith).toBeNull();
    expect(linux.summary).toMatch(/not code-signed/);
  });

  it('maps Node platforms to electron-builder OS names', () => {
    expect([osOf('darwin'), osOf('win32'), osOf('linux'), osOf('freebsd')]).toEqual([
      'mac',
      'win',
      'linux',
      'linux',
    ]);
  });
});
