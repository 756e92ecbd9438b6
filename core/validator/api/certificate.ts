import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { writeFileAtomic } from '../../util/atomic-file.js';

export interface ApiCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 hex (lower case, no colons) of the certificate DER: what clients pin and what goes on chain. */
  fingerprint: string;
  notAfter: Date;
  /** True when this call generated it (first start, or the old one expired or was unreadable). */
  created: boolean;
}

export interface CertificateOptions {
  /** Upstream: the external IP. */
  commonName: string;
  /** Upstream: RSA-4096. Tests use 2048 to save time. */
  keySize?: number;
  /** Upstream: 2 years. */
  validDays?: number;
  now?: Date;
}

export const certificateFiles = (certDir: string) => ({
  cert: join(certDir, 'cert.pem'),
  key: join(certDir, 'key.pem'),
});

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase();
}

/**
 * The external API's TLS identity: `cert.pem` + `key.pem` (0600) in `certDir`, generated on first start and
 * again when the stored one has expired or cannot be read. Rotation = delete the folder (or let it expire)
 * and restart: a new fingerprint is then committed on chain.
 */
export async function ensureApiCertificate(
  certDir: string,
  options: CertificateOptions,
): Promise<ApiCertificate> {
  const files = certificateFiles(certDir);
  const now = options.now ?? new Date();
  const stored = readStored(files.cert, files.key, now);
  if (stored) return { ...stored, created: false };

  const validDays = options.validDays ?? 730;
  const notAfter = new Date(now.getTime() + validDays * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: options.commonName }], {
    keySize: options.keySize ?? 4096,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter,
  });
  writeFileAtomic(files.key, pems.private, 0o600);
  chmodSync(files.key, 0o600);
  writeFileAtomic(files.cert, pems.cert, 0o644);
  const cert = new X509Certificate(pems.cert);
  return {
    certPem: pems.cert,
    keyPem: pems.private,
    fingerprint: certificateFingerprint(pems.cert),
    notAfter: new Date(cert.validTo),
    created: true,
  };
}

function readStored(
  certPath: string,
  keyPath: string,
  now: Date,
): Omit<ApiCertificate, 'created'> | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  try {
    const certPem = readFileSync(certPath, 'utf8');
    const keyPem = readFileSync(keyPath, 'utf8');
    const cert = new X509Certificate(certPem);
    const notAfter = new Date(cert.validTo);
    if (notAfter <= now) return undefined;
    return { certPem, keyPem, fingerprint: certificateFingerprint(certPem), notAfter };
  } catch {
    return undefined;
  }
}
