import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type ClientRequestArgs } from 'node:http';
import type { PeerCertificate } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { BRIDGE_EVENTS_PROTOCOL, BRIDGE_TOKEN_PROTOCOL_PREFIX } from '../../../core/contract/bridge.js';

const root = join(import.meta.dirname, '..', '..', '..');
let home: string;
let child: ChildProcess;
let url: URL;
let token: string;
let fingerprint: string;

/** A client that trusts this server only by the fingerprint the CLI printed (what the user checks). */
const pinned = () => ({
  rejectUnauthorized: false,
  checkServerIdentity: (_host: string, cert: PeerCertificate) =>
    cert.fingerprint256 === fingerprint ? undefined : new Error(`fingerprint ${cert.fingerprint256}`),
});

function invoke(body: object): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: '/api/invoke',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        ...pinned(),
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'sn2-ui-tls-'));
  const dist = join(home, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>sn2</title>');
  child = spawn(
    process.execPath,
    [join(root, 'bin', 'sn2.mjs'), 'ui', '--host', '0.0.0.0', '--port', '0', '--allow-remote', '--json'],
    {
      env: { ...process.env, SN2_HOME: join(home, 'data'), SN2_UI_DIR: dist },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  for await (const line of createInterface({ input: child.stdout! })) {
    out += line;
    if (line === '}') break;
  }
  const printed = JSON.parse(out) as { url: string; remote: boolean; fingerprint: string };
  expect(printed.remote).toBe(true);
  url = new URL(printed.url);
  token = url.hash.replace('#token=', '');
  fingerprint = printed.fingerprint;
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(home, { recursive: true, force: true });
});

describe('sn2 ui --allow-remote', () => {
  it('serves https with a self-signed certificate stored 0600, and prints its SHA-256 fingerprint', () => {
    expect(url.protocol).toBe('https:');
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    for (const file of ['cert.pem', 'key.pem'])
      expect(statSync(join(home, 'data', 'ui-tls', file)).mode & 0o777).toBe(0o600);
  });

  it('runs bridge commands over TLS for a client pinned to that fingerprint', async () => {
    const { status, json } = await invoke({ command: 'app.info', input: {} });
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true });
  });

  it('streams events over wss with the token', async () => {
    const ws = new WebSocket(
      `wss://127.0.0.1:${url.port}/api/events`,
      [BRIDGE_EVENTS_PROTOCOL, `${BRIDGE_TOKEN_PROTOCOL_PREFIX}${token}`],
      pinned() as ClientRequestArgs,
    );
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.close();
  });

  it('answers nothing to plain HTTP: the token cannot be sent in the clear', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: url.port, path: '/api/invoke', method: 'POST' },
        (res) => resolve(`status ${res.statusCode}`),
      );
      req.on('error', (err) => resolve(`error ${err.message}`));
      req.end('{}');
    });
    expect(outcome).not.toMatch(/^status 200/);
    expect(outcome).not.toContain('"ok":true');
  });
});
