/**
 * Upstream's release page, served on loopback: the GitHub releases API listing (`/api/releases`) and
 * each release's assets, signed by a private Sigstore instance the way upstream's release workflow
 * signs (spec sn2-2026.md §2.1–2.3). Options break one thing at a time for the refusal tests.
 */
import { createHash } from 'node:crypto';
import { startFileServer, type FileServer } from '../file-server.js';
import { releaseWorkflowIdentity } from '../../../core/engines/install/signature.js';
import type { TestSigstore, SignOptions } from './test-sigstore.js';

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface PublishOptions {
  tag: string;
  /** The executable served as this platform's asset. */
  binary: Buffer;
  asset?: string;
  prerelease?: boolean;
  publishedAt?: string;
  /** Serve other bytes than SHA256SUMS names (a tampered binary). */
  servedBinary?: Buffer;
  /** Serve SHA256SUMS with this content instead of what was signed (tampered after signing). */
  servedSums?: string;
  /** Change how the bundle is made (wrong identity, issuer, signed bytes). */
  sign?: Partial<SignOptions>;
  /** Publish the older `.sig`/`.pem` pair instead of the bundle. */
  legacySignature?: boolean;
}

/** A release as the GitHub API lists it (the fields the app reads). */
interface ListedRelease {
  tag_name: string;
  prerelease: boolean;
  draft: boolean;
  published_at: string;
  assets: Array<{ name: string; browser_download_url: string; size: number }>;
}

export interface EngineReleaseServer {
  apiBase: string;
  files: FileServer;
  publish(options: PublishOptions): void;
  /** The server path (no leading "/") of an asset of the currently published `tag`. */
  assetPath(tag: string, name?: string): string;
  /** Drop a release from the listing (testnet-latest is deleted and re-created). */
  unpublish(tag: string): void;
  close(): Promise<void>;
}

export async function startEngineReleaseServer(sigstore: TestSigstore): Promise<EngineReleaseServer> {
  const files = await startFileServer();
  const releases = new Map<string, ListedRelease>();
  let serial = 0;
  const list = () =>
    files.put('api/releases?per_page=100', Buffer.from(JSON.stringify([...releases.values()].reverse())));
  list();
  return {
    apiBase: `${files.base}/api`,
    files,
    publish(o) {
      const asset = o.asset ?? 'sn2-miner-linux-x86_64';
      const dir = `download/${o.tag}/${++serial}`;
      const sums = `${sha256(o.binary)}  ${asset}\n${'0'.repeat(64)}  sbom.cdx.json\n`;
      const bundle = sigstore.signBlob(Buffer.from(sums), {
        identity: releaseWorkflowIdentity(o.tag),
        ...o.sign,
      });
      const served: Array<[string, Buffer]> = [
        [asset, o.servedBinary ?? o.binary],
        ['SHA256SUMS', Buffer.from(o.servedSums ?? sums)],
        ...(o.legacySignature
          ? ([
              ['SHA256SUMS.sig', Buffer.from('MEUCIQ==')],
              ['SHA256SUMS.pem', Buffer.from('-----BEGIN CERTIFICATE-----\n')],
            ] as Array<[string, Buffer]>)
          : ([['SHA256SUMS.sigstore.json', Buffer.from(bundle)]] as Array<[string, Buffer]>)),
      ];
      for (const [name, body] of served) files.put(`${dir}/${name}`, body);
      releases.delete(o.tag);
      releases.set(o.tag, {
        tag_name: o.tag,
        prerelease: o.prerelease ?? false,
        draft: false,
        published_at: o.publishedAt ?? new Date(Date.UTC(2026, 0, 1) + serial * 60_000).toISOString(),
        assets: served.map(([name, body]) => ({
          name,
          browser_download_url: `${files.base}/${dir}/${name}`,
          size: body.length,
        })),
      });
      list();
    },
    assetPath(tag, name = 'sn2-miner-linux-x86_64') {
      const url = releases.get(tag)?.assets.find((a) => a.name === name)?.browser_download_url;
      if (!url) throw new Error(`no asset ${name} in release ${tag}`);
      return url.slice(files.base.length + 1);
    },
    unpublish(tag) {
      releases.delete(tag);
      list();
    },
    close: () => files.close(),
  };
}
