import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { certificateFiles, ensureApiCertificate } from '../validator/api/certificate.js';

export interface UiTls {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate, colon-separated upper-case hex as browsers show it. */
  fingerprint: string;
  created: boolean;
}

/** Where `sn2 ui --allow-remote` keeps its TLS identity: `<data dir>/ui-tls/{cert,key}.pem`. */
export const uiTlsDir = (dataRoot: string): string => join(dataRoot, 'ui-tls');

/**
 * The remote UI's self-signed certificate, made on first use and reused after (the fingerprint the user
 * checked stays valid). Both files are 0600: nothing but this user needs either. The validator's external
 * API makes its certificate the same way; RSA-2048 keeps the first start quick.
 */
export async function ensureUiCertificate(dataRoot: string, commonName: string): Promise<UiTls> {
  const dir = uiTlsDir(dataRoot);
  const cert = await ensureApiCertificate(dir, { commonName, keySize: 2048 });
  const files = certificateFiles(dir);
  chmodSync(files.cert, 0o600);
  chmodSync(files.key, 0o600);
  return {
    certPem: cert.certPem,
    keyPem: cert.keyPem,
    fingerprint: cert.fingerprint.toUpperCase().replace(/(..)(?!$)/g, '$1:'),
    created: cert.created,
  };
}
