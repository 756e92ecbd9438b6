import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSubtensorSpec,
  SpecChecksumError,
  SUBTENSOR_SPEC_URL,
} from '../../../core/chain/devnet/spec-source.js';
import { mergePatch } from '../../../core/chain/devnet/merge-patch.js';

describe('subtensor spec source', () => {
  let base: string;
  let cacheDir: string;
  const server = createServer((req, res) =>
    req.url === '/spec' ? res.end('{"not":"the pinned file"}') : res.writeHead(404).end(),
  );
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cacheDir = mkdtempSync(join(tmpdir(), 'sn2-spec-'));
  });
  afterAll(() => {
    server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('rejects a download whose sha256 differs from the pin', async () => {
    const requested: string[] = [];
    const fetchImpl = ((url: string) => (requested.push(url), fetch(`${base}/spec`))) as typeof fetch;
    await expect(loadSubtensorSpec({ cacheDir, env: {}, fetchImpl })).rejects.toThrow(SpecChecksumError);
    expect(requested).toEqual([SUBTENSOR_SPEC_URL]);
  });

  it('explains how to proceed when the download fails', async () => {
    const fetchImpl = (() => fetch(`${base}/missing`)) as typeof fetch;
    await expect(loadSubtensorSpec({ cacheDir, env: {}, fetchImpl })).rejects.toThrow(
      /HTTP 404.*--spec PATH/,
    );
  });

  it('prefers --spec, then $SUBTENSOR_SPEC', async () => {
    await expect(loadSubtensorSpec({ cacheDir, path: join(cacheDir, 'nope.json') })).rejects.toThrow(
      /not found/,
    );
    await expect(
      loadSubtensorSpec({ cacheDir, env: { SUBTENSOR_SPEC: join(cacheDir, 'env.json') } }),
    ).rejects.toThrow(/env\.json/);
  });
});

describe('mergePatch (GenesisBuilder patch semantics)', () => {
  it('merges objects, deletes on null, replaces arrays and scalars', () => {
    expect(
      mergePatch({ a: { b: 1, c: 2 }, d: [1, 2], e: 1 }, { a: { c: null, x: 3 }, d: [9], e: 'z' }),
    ).toEqual({
      a: { b: 1, x: 3 },
      d: [9],
      e: 'z',
    });
  });
});
