import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { BRIDGE_EVENTS_PROTOCOL, BRIDGE_TOKEN_PROTOCOL_PREFIX } from '../../../core/contract/bridge.js';
import { startUiServer, type UiServer } from '../../../core/ui-server/server.js';
import {
  guardedService,
  hostileEnvelope,
  INHERITED_NAMES,
  rng,
  typedReplyProblem,
} from '../../helpers/hostile-inputs.js';

const TOKEN = 'f'.repeat(64);
const CASES = 10_000;
let root: string;
let real: CoreService;
let guard: ReturnType<typeof guardedService>;
let server: UiServer;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const crashes: unknown[] = [];
const onCrash = (err: unknown) => crashes.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  root = mkdtempSync(join(tmpdir(), 'sn2-bridge-fuzz-'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
  real = new CoreService({ dataDir: join(root, 'data'), logger: silentLogger() });
  guard = guardedService(real);
  server = await startUiServer({
    service: guard.service,
    staticDir: join(root, 'dist'),
    port: 0,
    token: TOKEN,
  });
});
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  agent.destroy();
  await server.close();
  await real.close();
  rmSync(root, { recursive: true, force: true });
});

function post(body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/invoke',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sn2 ui bridge under hostile input', () => {
  it('answers an inherited property name as an unknown command (it used to throw outside the try)', async () => {
    for (const name of INHERITED_NAMES) {
      const { status, json } = await post(JSON.stringify({ command: name, input: {} }));
      expect(status, name).toBe(404);
      expect(json, name).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    }
    expect(crashes).toEqual([]);
  });

  it(`answers ${CASES} random and hostile commands with typed replies, never crashing`, async () => {
    const next = rng(0xb41d6e);
    const problems: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < CASES) {
        sent++;
        const envelope = hostileEnvelope(next);
        const body = next() < 0.03 ? JSON.stringify(envelope).slice(0, -1) : JSON.stringify(envelope);
        const { status, json } = await post(body ?? 'null');
        const problem = typedReplyProblem(json);
        if (problem) problems.push(`${body?.slice(0, 120)} → ${problem}`);
        if (status >= 500 && status !== 501) problems.push(`${body?.slice(0, 120)} → HTTP ${status}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(problems.slice(0, 5)).toEqual([]);
    expect(guard.violations).toEqual([]);
    expect(crashes).toEqual([]);
    // The fuzz reached the core with valid calls too, so refusals were not the only path exercised.
    expect(guard.reached.size).toBeGreaterThan(3);
    const alive = await post(JSON.stringify({ command: 'app.info', input: {} }));
    expect(alive.json).toMatchObject({ ok: true });
  }, 120_000);

  it('keeps the event socket open to hostile sub-protocols only with the token', async () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const junk = INHERITED_NAMES[i % INHERITED_NAMES.length]!.replace(/[^\x21-\x7e]/g, '') || 'x';
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, [
          BRIDGE_EVENTS_PROTOCOL,
          `${BRIDGE_TOKEN_PROTOCOL_PREFIX}${next() < 0.5 ? junk : TOKEN.slice(1)}`,
        ]);
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => {
          ws.close();
          resolve(101);
        });
        ws.once('error', () => resolve(-1));
      });
      expect(status).toBe(401);
    }
    expect(crashes).toEqual([]);
  }, 60_000);
});
