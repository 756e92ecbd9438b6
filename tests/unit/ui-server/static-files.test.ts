import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../../core/ui-server/static-files.js';

let root: string;
let server: Server;
let base: string;
const crashes: unknown[] = [];
const onCrash = (err: unknown) => crashes.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  root = mkdtempSync(join(tmpdir(), 'sn2-static-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  // The race made deterministic: the file passes the checks, then is removed before the stream opens it.
  server = createServer((req, res) => {
    serveStatic(root, req, res);
    if (req.url === '/vanishing.js') unlinkSync(join(root, 'vanishing.js'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('answers 404 for a file removed between the check and the read, without an uncaught exception', async () => {
    writeFileSync(join(root, 'vanishing.js'), 'console.log(1)');
    const res = await fetch(`${base}/vanishing.js`, { signal: AbortSignal.timeout(5000) }).catch(
      (err: Error) => err,
    );
    expect(res).not.toBeInstanceOf(Error);
    if (res instanceof Error) return;
    expect(res.status).toBe(404);
    await new Promise((done) => setTimeout(done, 20));
    expect(crashes).toEqual([]);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('serves a file that stays', async () => {
    writeFileSync(join(root, 'app.js'), 'ok');
    const res = await fetch(`${base}/app.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('content-type')).toContain('javascript');
  });
});
