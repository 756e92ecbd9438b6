import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpIpLookup } from '../../../core/chain/external-ip.js';
import { externalIpCheck } from '../../../core/service/node-runtime/doctor-checks.js';

/** Echo services on loopback: `/silent` accepts the connection and never answers (an offline machine). */
let server: Server;
let base: string;
let silentInFlight = 0;
let silentMax = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/silent') {
      silentMax = Math.max(silentMax, ++silentInFlight);
      req.socket.once('close', () => silentInFlight--);
      return;
    }
    if (req.url === '/slow') setTimeout(() => res.end('198.51.100.20'), 300);
    else res.end('198.51.100.21\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('external IP detection offline', () => {
  it('gives up on services that never answer within the total limit, in parallel, and says what to set', async () => {
    const lookup = httpIpLookup([`${base}/silent`, `${base}/silent`, `${base}/silent`], fetch, 800);
    const err: unknown = await lookup().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no answer in 800 ms.*no answer in 800 ms.*no answer in 800 ms/);
    expect((err as Error).message).toMatch(/set --axon\.external_ip/);
    // Asked at the same time (the SDK asks one after another, one timeout each).
    expect(silentMax).toBe(3);
  });

  it('takes the first valid answer without waiting for a service that hangs', async () => {
    const lookup = httpIpLookup([`${base}/silent`, `${base}/slow`], fetch, 5_000);
    await expect(lookup()).resolves.toBe('198.51.100.20');
  });
});

describe('doctor external-ip check', () => {
  it('fails with the fix "set --axon.external_ip" when no service answers', async () => {
    const { check, ip } = await externalIpCheck(undefined, httpIpLookup([`${base}/silent`], fetch, 300));
    expect(ip).toBeUndefined();
    expect(check).toMatchObject({
      id: 'external-ip',
      ok: false,
      fix: expect.stringMatching(/set --axon\.external_ip/),
    });
  });

  it('passes with the override without asking anyone', async () => {
    const never = () => Promise.reject(new Error('must not be called'));
    await expect(externalIpCheck('203.0.113.9', never)).resolves.toMatchObject({
      ip: '203.0.113.9',
      check: { id: 'external-ip', ok: true },
    });
  });
});
