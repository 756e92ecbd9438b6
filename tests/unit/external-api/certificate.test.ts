import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateFiles, ensureApiCertificate } from '../../../core/validator/api/certificate.js';
import { certificateCommitmentArgs } from '../../../core/validator/api/certificate-commitment.js';

const dir = mkdtempSync(join(tmpdir(), 'sn2-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('external API certificate', () => {
  it('is created once with a 0600 key, valid 2 years, and reused afterwards', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const first = await ensureApiCertificate(dir, { commonName: '203.0.113.7', keySize: 2048, now });
    const files = certificateFiles(dir);
    expect(first.created).toBe(true);
    expect(statSync(files.key).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(first.certPem);
    expect(x509.subject).toContain('CN=203.0.113.7');
    expect(first.notAfter.toISOString().slice(0, 10)).toBe('2028-01-01');
    expect(first.fingerprint).toBe(createHash('sha256').update(x509.raw).digest('hex'));
    const again = await ensureApiCertificate(dir, { commonName: 'ignored', keySize: 2048, now });
    expect(again).toMatchObject({ created: false, fingerprint: first.fingerprint });
  });

  it('is replaced when expired or unreadable (rotation)', async () => {
    const old = await ensureApiCertificate(dir, { commonName: 'x', keySize: 2048 });
    const later = new Date(old.notAfter.getTime() + 1000);
    const rotated = await ensureApiCertificate(dir, { commonName: 'x', keySize: 2048, now: later });
    expect(rotated.created).toBe(true);
    expect(rotated.fingerprint).not.toBe(old.fingerprint);
    writeFileSync(certificateFiles(dir).cert, 'garbage');
    expect((await ensureApiCertificate(dir, { commonName: 'x', keySize: 2048, now: later })).created).toBe(
      true,
    );
  });

  it('is committed as one Raw64 field holding the hex text, like subtensor.commit', () => {
    const fp = 'ab'.repeat(32);
    const [netuid, info] = certificateCommitmentArgs(2, fp);
    expect(netuid).toBe(2);
    expect(Object.keys(info.fields[0]!)).toEqual(['Raw64']);
    expect(Buffer.from(Object.values(info.fields[0]!)[0]!).toString()).toBe(fp);
    expect(() => certificateCommitmentArgs(2, 'AB'.repeat(32))).toThrow();
  });
});
