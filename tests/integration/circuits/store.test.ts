import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitStore } from '../../../core/circuits/store.js';
import { downloadFile } from '../../../core/util/download.js';
import { ChecksumMismatchError, FileTooLargeError } from '../../../core/util/download-errors.js';
import { startFileServer, type FileServer } from '../../helpers/file-server.js';

const ID = 'ab'.repeat(32);
const body = Buffer.alloc(300_000, 7);
for (let i = 0; i < body.length; i++) body[i] = (i * 31) % 251;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let server: FileServer;
let base: string;
let hits: FileServer['hits'];

beforeAll(async () => {
  server = await startFileServer();
  server.put('f', body);
  server.put('zkey', body);
  ({ base, hits } = server);
});
afterAll(() => server.close());

function manifestDir(sha256: string | null, maxBytes = 1_000_000): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-manifests-'));
  mkdirSync(join(dir, `model_${ID}`));
  writeFileSync(
    join(dir, `model_${ID}`, 'metadata.json'),
    JSON.stringify({
      name: 'Test',
      description: 'd',
      author: 'a',
      version: '0.0.1',
      proof_system: 'CIRCOM',
      type: 'proof_of_computation',
      external_files: { 'circuit.zkey': `${base}/zkey` },
    }),
  );
  writeFileSync(
    join(dir, `model_${ID}`, 'files.json'),
    JSON.stringify({
      source: 'test',
      files: {
        'circuit.zkey': {
          url: `${base}/zkey`,
          sha256,
          bytes: null,
          max_bytes: maxBytes,
          in_package: false,
          roles: ['prove'],
        },
      },
    }),
  );
  return dir;
}

describe('downloadFile over a real loopback server', () => {
  it('resumes a cut transfer with a Range request and checks the hash', async () => {
    const dest = join(mkdtempSync(join(tmpdir(), 'sn2-dl-')), 'f.bin');
    server.cutNextAfter(100_000);
    await expect(downloadFile(`${base}/f`, dest, { sha256: sha(body), maxBytes: 1e6 })).rejects.toThrow();
    expect(existsSync(`${dest}.part`)).toBe(true);
    expect(existsSync(dest)).toBe(false);
    hits.length = 0;
    const progress: number[] = [];
    const r = await downloadFile(`${base}/f`, dest, {
      sha256: sha(body),
      maxBytes: 1e6,
      onProgress: (p) => progress.push(p.done),
    });
    expect(hits[0].range).toMatch(/^bytes=\d+-$/);
    expect(r.resumedFrom).toBeGreaterThan(0);
    expect(readFileSync(dest).equals(body)).toBe(true);
    expect(progress.at(-1)).toBe(body.length);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('rejects a checksum mismatch, an oversized file and an HTTP error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-dl-'));
    await expect(
      downloadFile(`${base}/f`, join(dir, 'a'), { sha256: 'f'.repeat(64), maxBytes: 1e6 }),
    ).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(existsSync(join(dir, 'a.part'))).toBe(false);
    await expect(downloadFile(`${base}/f`, join(dir, 'b'), { maxBytes: 1000 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    await expect(downloadFile(`${base}/missing`, join(dir, 'c'), { maxBytes: 1000 })).rejects.toThrow(
      /HTTP 404/,
    );
  });
});

describe('CircuitStore', () => {
  it('fetches a missing file into the cache, re-fetches a corrupted one and never uses it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sn2-cache-'));
    const store = new CircuitStore({
      manifestsDir: manifestDir(sha(body)),
      bundledDirs: [],
      cacheDir,
      offlineDir: null,
    });
    expect(store.list().map((c) => c.id)).toEqual([ID]);
    expect((await store.status(ID)).canProve).toBe(false);
    const events: number[] = [];
    const paths = await store.ensure(ID, { onProgress: (p) => events.push(p.done) });
    expect(readFileSync(paths['circuit.zkey']).equals(body)).toBe(true);
    expect(events.at(-1)).toBe(body.length);
    expect((await store.status(ID)).canProve).toBe(true);

    writeFileSync(paths['circuit.zkey'], Buffer.from('corrupt'));
    const fresh = new CircuitStore({
      manifestsDir: manifestDir(sha(body)),
      bundledDirs: [],
      cacheDir,
      offlineDir: null,
    });
    expect(await fresh.resolve(ID, 'circuit.zkey')).toBeNull();
    await fresh.ensure(ID);
    expect(readFileSync(paths['circuit.zkey']).equals(body)).toBe(true);
  });

  it('retries once when the server sends a corrupt copy', async () => {
    const store = new CircuitStore({
      manifestsDir: manifestDir(sha(body)),
      bundledDirs: [],
      cacheDir: mkdtempSync(join(tmpdir(), 'sn2-cache-')),
      offlineDir: null,
    });
    server.putOnce('zkey', Buffer.from(body).fill(0, 0, 10));
    const paths = await store.ensure(ID);
    expect(readFileSync(paths['circuit.zkey']).equals(body)).toBe(true);
  });

  it('records a hash for files without a pinned one and rejects later corruption', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'sn2-cache-'));
    const store = new CircuitStore({
      manifestsDir: manifestDir(null),
      bundledDirs: [],
      cacheDir,
      offlineDir: null,
    });
    const paths = await store.ensure(ID);
    expect(readFileSync(`${paths['circuit.zkey']}.sha256`, 'utf8').trim()).toBe(sha(body));
    const b = Buffer.from(body);
    b[5] ^= 1;
    writeFileSync(paths['circuit.zkey'], b);
    const again = new CircuitStore({
      manifestsDir: manifestDir(null),
      bundledDirs: [],
      cacheDir,
      offlineDir: null,
    });
    expect((await again.status(ID)).files[0].state).toBe('corrupt');
  });

  it('uses a valid file from the offline folder and ignores a wrong one', async () => {
    const offline = mkdtempSync(join(tmpdir(), 'sn2-offline-'));
    mkdirSync(join(offline, `model_${ID}`));
    writeFileSync(join(offline, `model_${ID}`, 'circuit.zkey'), body);
    const store = new CircuitStore({
      manifestsDir: manifestDir(sha(body)),
      bundledDirs: [],
      cacheDir: mkdtempSync(join(tmpdir(), 'sn2-cache-')),
      offlineDir: offline,
    });
    hits.length = 0;
    expect((await store.status(ID)).files[0]).toMatchObject({ state: 'ok', source: 'offline' });
    await store.ensure(ID);
    expect(hits).toHaveLength(0);
    writeFileSync(join(offline, `model_${ID}`, 'circuit.zkey'), 'wrong');
    const other = new CircuitStore({
      manifestsDir: manifestDir(sha(body)),
      bundledDirs: [],
      cacheDir: mkdtempSync(join(tmpdir(), 'sn2-cache-')),
      offlineDir: offline,
    });
    expect((await other.status(ID)).files[0].state).toBe('corrupt');
  });

  it('loads the five v10 manifests and skips a circuit with an unknown metadata key', async () => {
    const store = new CircuitStore({
      bundledDirs: [],
      offlineDir: null,
      cacheDir: mkdtempSync(join(tmpdir(), 'c-')),
    });
    expect(store.list()).toHaveLength(5);
    const dir = manifestDir(sha(body));
    const meta = JSON.parse(readFileSync(join(dir, `model_${ID}`, 'metadata.json'), 'utf8')) as object;
    writeFileSync(join(dir, `model_${ID}`, 'metadata.json'), JSON.stringify({ ...meta, surprise: 1 }));
    const warnings: string[] = [];
    const bad = new CircuitStore({
      manifestsDir: dir,
      bundledDirs: [],
      offlineDir: null,
      onWarning: (m) => warnings.push(m),
    });
    expect(bad.list()).toHaveLength(0);
    expect(warnings[0]).toMatch(/surprise/);
  });
});
