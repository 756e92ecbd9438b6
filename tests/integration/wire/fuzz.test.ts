import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSynapse, Dendrite, type AxonRequestEvent } from '../../../core/bittensor/wire/index.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { ExampleSynapse, startAxon, testSigner, type Started } from './helpers.js';

// Deterministic PRNG so a failure reproduces (mulberry32).
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const junk = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('');

type Case = {
  kind: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer;
  expect: number[];
};

let alice: Sr25519Signer;
let bob: Sr25519Signer;
let s: Started;
let dendrite: Dendrite;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const crashes: unknown[] = [];
const onCrash = (err: unknown) => crashes.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  alice = await testSigner('//Alice');
  bob = await testSigner('//Bob');
  dendrite = new Dendrite(bob);
  s = await startAxon(alice, { maxBodyBytes: 64 * 1024, maxHeaderBytes: 8 * 1024 }, (a) =>
    a.attach(ExampleSynapse, {
      forward: (syn) => {
        if (syn.prompt.startsWith('throw')) throw new Error('boom');
        syn.completion = 'ok';
        return syn;
      },
    }),
  );
});
afterAll(async () => {
  await s.axon.stop();
  dendrite.close();
  agent.destroy();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

// Each concurrent lane signs with its own dendrite (own uuid), so its nonces arrive in order.
let laneDendrite: Dendrite;
function signed(prompt = 'p', timeoutS = 12) {
  const p = laneDendrite.prepare(
    s.target,
    ExampleSynapse,
    createSynapse(ExampleSynapse, { prompt }),
    timeoutS,
  );
  return { headers: Object.fromEntries(p.headers), body: p.body };
}

/** One random request and the codes our axon (= the SDK's, plus our stricter limits) may answer. */
function makeCase(): Case {
  const base = { path: '/ExampleSynapse', method: 'POST' };
  switch (Math.floor(rand() * 12)) {
    case 0:
      return {
        ...base,
        kind: 'unknown route',
        path: `/${junk(1 + Math.floor(rand() * 20)).replace(/[?#/%\s]/g, 'x')}`,
        headers: {},
        body: '{}',
        expect: [404],
      };
    case 1: {
      const r = signed();
      return {
        ...base,
        kind: 'bad JSON',
        headers: r.headers,
        body: pick(['', '{', '[1,', 'nul', junk(50), '{"prompt": }']),
        expect: [500],
      };
    }
    case 2: {
      const r = signed();
      const bad = pick([
        '{"prompt": 5}',
        '{"prompt": "p", "temperature": "warm"}',
        '{"prompt": "p", "tags": {"a": 1}}',
        '[]',
        '"str"',
        '{"prompt": "p", "options": [1]}',
        '{"dendrite": 7, "prompt": "p"}',
      ]);
      return { ...base, kind: 'wrong types', headers: r.headers, body: bad, expect: [500] };
    }
    case 3: {
      const r = signed();
      const sig = pick(['0x' + 'ab'.repeat(64), 'nothex', '0x12', '0x' + 'zz'.repeat(64), '']);
      return {
        ...base,
        kind: 'bad signature',
        headers: { ...r.headers, bt_header_dendrite_signature: sig },
        body: r.body,
        expect: [401],
      };
    }
    case 4: {
      const r = signed();
      return {
        ...base,
        kind: 'stale nonce',
        headers: {
          ...r.headers,
          bt_header_dendrite_nonce: String(BigInt(r.headers.bt_header_dendrite_nonce) - 60_000_000_000n),
        },
        body: r.body,
        expect: [401],
      };
    }
    case 5: {
      const r = signed();
      const field = pick([
        'bt_header_dendrite_nonce',
        'bt_header_dendrite_version',
        'timeout',
        'bt_header_axon_port',
        'bt_header_input_obj_prompt',
        'total_size',
      ]);
      return {
        ...base,
        kind: `garbage ${field}`,
        headers: { ...r.headers, [field]: pick(['abc', '1.5.6', '', '\xe9t\xe9', '--1', 'e30=']) },
        body: r.body,
        expect: [500, 401, 200],
      };
    }
    case 6:
      return {
        ...base,
        kind: 'huge header',
        headers: { 'x-pad': 'x'.repeat(9000 + Math.floor(rand() * 5000)) },
        body: '{}',
        expect: [431],
      };
    case 7:
      return {
        ...base,
        kind: 'huge body',
        headers: signed().headers,
        body: Buffer.alloc(70 * 1024 + Math.floor(rand() * 1000), 0x61),
        expect: [413],
      };
    case 8: {
      const r = signed();
      return {
        ...base,
        kind: 'binary body',
        headers: r.headers,
        body: Buffer.from(Array.from({ length: 200 }, () => Math.floor(rand() * 256))),
        expect: [500],
      };
    }
    case 9: {
      const r = signed('throw now');
      return { ...base, kind: 'forward throws', headers: r.headers, body: r.body, expect: [500] };
    }
    case 10: {
      const r = signed();
      return {
        ...base,
        kind: 'no headers',
        headers: { 'content-type': 'application/json' },
        body: r.body,
        expect: [401, 500],
      };
    }
    default: {
      const r = signed(junk(Math.floor(rand() * 100)));
      return {
        ...base,
        method: pick(['POST', 'GET']),
        kind: 'valid',
        headers: r.headers,
        body: r.body,
        expect: [200],
      };
    }
  }
}

function send(c: Case): Promise<number> {
  return new Promise((resolve) => {
    const headers = { ...c.headers, 'content-length': String(Buffer.byteLength(c.body)) };
    const req = request(
      { host: '127.0.0.1', port: s.port, method: c.method, path: c.path, headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(c.body);
  });
}

describe('fuzz: thousands of random and malformed requests', () => {
  it('answers every one with the right code, never crashes, leaks no queue slots', async () => {
    const N = 3000;
    const results: Array<{ c: Case; status: number }> = [];
    const t0 = performance.now();
    let made = 0;
    const lanes = Array.from({ length: 16 }, () => new Dendrite(bob));
    await Promise.all(
      lanes.map(async (lane) => {
        while (made < N) {
          made++;
          laneDendrite = lane;
          const c = makeCase();
          results.push({ c, status: await send(c) });
        }
      }),
    );
    lanes.forEach((l) => l.close());
    const odd = s.events.filter((e) => e.status === 400).map((e) => e.message);
    expect(odd.slice(0, 5)).toEqual([]);
    const wrong = results.filter(
      (r) =>
        !r.c.expect.includes(r.status) &&
        !(r.status === -1 && ['huge header', 'huge body'].includes(r.c.kind)),
    );
    expect(wrong.map((r) => `${r.c.kind}: got ${r.status}`).slice(0, 10)).toEqual([]);
    expect(results.filter((r) => r.c.kind === 'valid' && r.status === 200).length).toBeGreaterThan(N / 20);
    expect(crashes).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(120_000);

    // Replays of a valid request: exactly one succeeds, even when fired concurrently.
    laneDendrite = dendrite;
    const r = signed('replay');
    const codes = await Promise.all(
      Array.from({ length: 20 }, () =>
        send({
          kind: 'replay',
          path: '/ExampleSynapse',
          method: 'POST',
          headers: r.headers,
          body: r.body,
          expect: [],
        }),
      ),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 401)).toHaveLength(19);

    // Raw protocol garbage on sockets.
    for (let i = 0; i < 50; i++) {
      await new Promise<void>((resolve) => {
        const sock = connect(s.port, '127.0.0.1', () =>
          sock.end(
            pick([
              'GET / HTTP/9\r\n\r\n',
              junk(300),
              '\x00\x01\x02\r\n\r\n',
              'POST /ExampleSynapse HTTP/1.1\r\nContent-Length: -5\r\n\r\n',
            ]),
          ),
        );
        sock.on('error', () => resolve());
        sock.on('close', () => resolve());
        sock.resume();
      });
    }

    // Still healthy afterwards, nothing left running or queued.
    const ok = await dendrite.call(
      s.target,
      ExampleSynapse,
      createSynapse(ExampleSynapse, { prompt: 'after' }),
    );
    expect(ok.dendrite.status_code).toBe(200);
    const stats = (s.axon as unknown as { scheduler: { active: number; queued: number } }).scheduler;
    expect([stats.active, stats.queued]).toEqual([0, 0]);
    const events: AxonRequestEvent[] = s.events;
    expect(events.length).toBeGreaterThanOrEqual(N);
  });
});
