/**
 * A private Sigstore instance for release-verification tests: a "Fulcio" root CA, a CT log and a
 * Rekor log, each with its own P-256 key, and `signBlob`, which does what `cosign sign-blob --bundle`
 * does in upstream's release workflow (spec sn2-2026.md §2.3): a short-lived leaf certificate for the
 * workflow identity (SAN URI + Fulcio issuer extensions) carrying an embedded SCT over its precertificate
 * (RFC 6962 §3.2), a hashedrekord 0.0.1 transparency-log entry with a signed entry timestamp and a
 * checkpoint-signed inclusion proof, in the v0.3 Sigstore bundle JSON format.
 * `trustedRoot` is this instance's trusted_root.json, so the real `@sigstore/verify` checks everything
 * with its production thresholds (1 SCT, 1 tlog entry, 1 timestamp). Nothing here is shaped to the
 * app's verifier: the formats are Sigstore's (protobuf-specs bundle and trusted root, RFC 6962 hashing,
 * the transparency-dev signed-note checkpoint).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { bitString, bool, explicit, implicit, int, octets, oid, seq, set, utcTime, utf8 } from './der.js';

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  fulcioIssuerV1: '1.3.6.1.4.1.57264.1.1',
  fulcioIssuerV2: '1.3.6.1.4.1.57264.1.8',
  sct: '1.3.6.1.4.1.11129.2.4.2',
};

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

interface KeyPair {
  privateKey: KeyObject;
  spki: Buffer;
  /** sha256 of the SPKI: the log id of CT and Rekor logs. */
  id: Buffer;
}

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, spki, id: sha256(spki) };
}

const name = (org: string, cn: string): Buffer =>
  seq(set(seq(oid('2.5.4.10'), utf8(org))), set(seq(oid('2.5.4.3'), utf8(cn))));
const extension = (id: string, value: Buffer, critical = false): Buffer =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

function tbs(fields: {
  serial: Buffer;
  issuer: Buffer;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
  spki: Buffer;
  extensions: Buffer[];
}): Buffer {
  return seq(
    explicit(0, int(2)),
    int(fields.serial),
    ECDSA_SHA256,
    fields.issuer,
    seq(utcTime(fields.notBefore), utcTime(fields.notAfter)),
    fields.subject,
    fields.spki,
    explicit(3, seq(...fields.extensions)),
  );
}

const certificate = (tbsDer: Buffer, issuerKey: KeyObject): Buffer =>
  seq(tbsDer, ECDSA_SHA256, bitString(sign('sha256', tbsDer, issuerKey)));

export interface SignOptions {
  /** SAN URI of the leaf certificate (the workflow identity). */
  identity: string;
  /** OIDC issuer written into the Fulcio issuer extensions. */
  issuer?: string;
  /** Sign these bytes instead of the blob (a signature that does not match the file). */
  signOver?: Buffer;
}

export interface TestSigstore {
  /** trusted_root.json of this instance, parsed as `@sigstore/verify` takes it. */
  trustedRoot: TrustedRoot;
  trustedRootJson: Record<string, unknown>;
  /** `cosign sign-blob --bundle` over `blob`: the bundle JSON text. */
  signBlob(blob: Buffer, options: SignOptions): string;
}

export function createTestSigstore(label = 'test'): TestSigstore {
  const ca = keyPair();
  const ctlog = keyPair();
  const rekor = keyPair();
  const rekorHost = `rekor.${label}.invalid`;
  const caName = name(`${label} sigstore`, `${label}-fulcio`);
  const caSki = createHash('sha1').update(ca.spki).digest();
  const start = new Date(Date.now() - 24 * 3600_000);
  const caCert = certificate(
    tbs({
      serial: randomBytes(8),
      issuer: caName,
      subject: caName,
      notBefore: start,
      notAfter: new Date(Date.now() + 365 * 24 * 3600_000),
      spki: ca.spki,
      extensions: [
        extension(OID.basicConstraints, seq(bool(true)), true),
        extension(OID.keyUsage, bitString(Buffer.from([0x06]), 1), true),
        extension(OID.subjectKeyId, octets(caSki)),
      ],
    }),
    ca.privateKey,
  );

  const tlogInstance = (baseUrl: string, key: KeyPair) => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: b64(key.spki),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: start.toISOString() },
    },
    logId: { keyId: b64(key.id) },
  });
  const trustedRootJson = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [tlogInstance(`https://${rekorHost}`, rekor)],
    certificateAuthorities: [
      {
        subject: { organization: `${label} sigstore`, commonName: `${label}-fulcio` },
        uri: `https://fulcio.${label}.invalid`,
        certChain: { certificates: [{ rawBytes: b64(caCert) }] },
        validFor: { start: start.toISOString() },
      },
    ],
    ctlogs: [tlogInstance(`https://ctfe.${label}.invalid`, ctlog)],
    timestampAuthorities: [],
  };

  /** A Fulcio-style leaf for `signer`, with the SCT embedded after signing its precertificate. */
  function leafCertificate(signer: KeyPair, options: SignOptions, now: Date): Buffer {
    const issuer = options.issuer ?? 'https://token.actions.githubusercontent.com';
    const fields = {
      serial: randomBytes(16),
      issuer: caName,
      subject: seq(),
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + 10 * 60_000),
      spki: signer.spki,
    };
    const extensions = [
      extension(OID.keyUsage, bitString(Buffer.from([0x80]), 7), true),
      extension(OID.extKeyUsage, seq(oid(OID.codeSigning))),
      extension(OID.authorityKeyId, seq(implicit(0, caSki))),
      extension(OID.subjectAltName, seq(implicit(6, Buffer.from(options.identity, 'ascii'))), true),
      extension(OID.fulcioIssuerV1, Buffer.from(issuer, 'ascii')),
      extension(OID.fulcioIssuerV2, utf8(issuer)),
    ];
    const preTbs = tbs({ ...fields, extensions });
    const timestamp = Buffer.alloc(8);
    timestamp.writeBigUInt64BE(BigInt(now.getTime()));
    const signed = Buffer.concat([
      Buffer.from([0, 0]), // v1, certificate_timestamp
      timestamp,
      Buffer.from([0, 1]), // precert_entry
      sha256(ca.spki),
      Buffer.from([(preTbs.length >> 16) & 0xff, (preTbs.length >> 8) & 0xff, preTbs.length & 0xff]),
      preTbs,
      Buffer.from([0, 0]), // no extensions
    ]);
    const sig = sign('sha256', signed, ctlog.privateKey);
    const sct = Buffer.concat([
      Buffer.from([0]),
      ctlog.id,
      timestamp,
      Buffer.from([0, 0, 4, 3]), // no extensions, sha256, ecdsa
      u16(sig.length),
      sig,
    ]);
    const list = Buffer.concat([u16(sct.length + 2), u16(sct.length), sct]);
    const withSct = [...extensions, extension(OID.sct, octets(list))];
    return certificate(tbs({ ...fields, extensions: withSct }), ca.privateKey);
  }

  function signBlob(blob: Buffer, options: SignOptions): string {
    const now = new Date();
    const signer = keyPair();
    const cert = leafCertificate(signer, options, now);
    const signature = sign('sha256', options.signOver ?? blob, signer.privateKey);
    const digest = sha256(blob);
    const pem = `-----BEGIN CERTIFICATE-----\n${b64(cert).replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    const body = Buffer.from(
      JSON.stringify({
        apiVersion: '0.0.1',
        kind: 'hashedrekord',
        spec: {
          data: { hash: { algorithm: 'sha256', value: digest.toString('hex') } },
          signature: { content: b64(signature), publicKey: { content: b64(Buffer.from(pem)) } },
        },
      }),
    );
    const integratedTime = Math.floor(now.getTime() / 1000);
    // Rekor's signed entry timestamp: its key over the canonical JSON of these four fields (sorted keys).
    const setPayload = `{"body":"${b64(body)}","integratedTime":${integratedTime},"logID":"${rekor.id.toString('hex')}","logIndex":0}`;
    const set = sign('sha256', Buffer.from(setPayload), rekor.privateKey);
    // A one-entry log: the root is the RFC 6962 leaf hash; the checkpoint is a signed note over it.
    const root = sha256(Buffer.from([0]), body);
    const note = `${rekorHost} - 1\n1\n${b64(root)}\n`;
    const noteSig = Buffer.concat([
      rekor.id.subarray(0, 4),
      sign('sha256', Buffer.from(note), rekor.privateKey),
    ]);
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: { rawBytes: b64(cert) },
        tlogEntries: [
          {
            logIndex: '0',
            logId: { keyId: b64(rekor.id) },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            integratedTime: String(integratedTime),
            inclusionPromise: { signedEntryTimestamp: b64(set) },
            inclusionProof: {
              logIndex: '0',
              rootHash: b64(root),
              treeSize: '1',
              hashes: [],
              checkpoint: { envelope: `${note}\n\u2014 ${rekorHost} ${b64(noteSig)}\n` },
            },
            canonicalizedBody: b64(body),
          },
        ],
      },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: b64(digest) },
        signature: b64(signature),
      },
    };
    return JSON.stringify(bundle, null, 2);
  }

  return { trustedRoot: TrustedRoot.fromJSON(trustedRootJson), trustedRootJson, signBlob };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
