import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BaseSynapse,
  createSynapse,
  Dendrite,
  defineSynapse,
  isSuccess,
} from '../../../core/bittensor/wire/index.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import {
  echo,
  example,
  ExampleSynapse,
  rawPost,
  sleep,
  startAxon,
  testSigner,
  type Started,
} from './helpers.js';

let alice: Sr25519Signer;
let bob: Sr25519Signer;
let dendrite: Dendrite;
let s: Started | undefined;

beforeAll(async () => {
  alice = await testSigner('//Alice');
  bob = await testSigner('//Bob');
  dendrite = new Dendrite(bob);
});
afterEach(async () => {
  await s?.axon.stop();
  s = undefined;
});
afterAll(() => dendrite.close());

describe('axon ↔ dendrite over loopback', () => {
  it('200: fields come back, status and process time set, event emitted', async () => {
    s = await startAxon(alice, {}, (a) => a.attach(ExampleSynapse, echo()));
    const reply = await dendrite.call(s.target, ExampleSynapse, example('hi'));
    expect(isSuccess(reply)).toBe(true);
    expect(reply.completion).toBe('ok:hi');
    expect(reply.dendrite.status_message).toBe('Success');
    expect(reply.axon.status_code).toBe(200);
    expect(reply.dendrite.process_time).toBeGreaterThan(0);
    expect(reply.options.get('k')).toBe(1n);
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({
      route: 'ExampleSynapse',
      status: 200,
      hotkey: bob.address,
      uuid: dendrite.uuid,
    });
  });

  it('verification on worker threads: concurrent valid and forged requests get the right answers', async () => {
    s = await startAxon(alice, { verifyThreads: 2 }, (a) => a.attach(ExampleSynapse, echo()));
    const lanes = Array.from({ length: 8 }, () => new Dendrite(bob));
    const good = Promise.all(lanes.map((d, i) => d.call(s!.target, ExampleSynapse, example(`${i}`))));
    const forged = Promise.all(
      lanes.map((d) => d.call({ ...s!.target, hotkey: bob.address }, ExampleSynapse, example())),
    );
    expect((await good).map((r) => r.dendrite.status_code)).toEqual(Array(8).fill(200));
    expect((await forged).map((r) => r.dendrite.status_code)).toEqual(Array(8).fill(401));
    lanes.forEach((d) => d.close());
  });

  it('ping /Synapse answers 200 on every axon', async () => {
    s = await startAxon(alice, {}, () => {});
    const reply = await dendrite.call(s.target, BaseSynapse, createSynapse(BaseSynapse, {}));
    expect(reply.dendrite.status_code).toBe(200);
  });

  it('many sequential and concurrent calls from one dendrite all succeed (monotonic nonces)', async () => {
    s = await startAxon(alice, {}, (a) => a.attach(ExampleSynapse, echo()));
    for (let i = 0; i < 20; i++)
      expect((await dendrite.call(s.target, ExampleSynapse, example(`${i}`))).dendrite.status_code).toBe(200);
    const own = new Dendrite(bob, { maxSocketsPerAxon: 1 }); // one socket: arrival order = nonce order
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => own.call(s!.target, ExampleSynapse, example(`${i}`))),
    );
    own.close();
    expect(replies.map((r) => r.dendrite.status_code)).toEqual(Array(20).fill(200));
    expect(replies.map((r) => r.completion)).toEqual(replies.map((_, i) => `ok:${i}`));
  });

  it('404 for a synapse the axon does not serve, with the list of routes', async () => {
    s = await startAxon(alice, {}, (a) => a.attach(ExampleSynapse, echo()));
    const Other = defineSynapse('Other', {});
    const reply = await dendrite.call(s.target, Other, createSynapse(Other, {}));
    expect(reply.dendrite.status_code).toBe(404);
    expect(reply.dendrite.status_message).toBe(
      "Synapse name 'Other' not found. Available synapses ['Synapse', 'ExampleSynapse']",
    );
  });

  it('403 from the blacklist hook, which runs before the signature check', async () => {
    let sawSignature = '';
    s = await startAxon(alice, {}, (a) =>
      a.attach(ExampleSynapse, {
        ...echo(),
        blacklist: (syn) => {
          sawSignature = syn.dendrite.signature ?? '';
          return [syn.dendrite.hotkey === bob.address, 'not registered'];
        },
      }),
    );
    const p = dendrite.prepare(s.target, ExampleSynapse, example());
    const headers = { ...Object.fromEntries(p.headers), bt_header_dendrite_signature: '0xdead' };
    const res = await rawPost(s.port, '/ExampleSynapse', headers, p.body);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ message: 'Forbidden. Key is blacklisted: not registered.' });
    expect(sawSignature).toBe('0xdead');
  });

  it('401: signed for another axon, replayed, unsigned, bad signature format, missing nonce or hotkey', async () => {
    s = await startAxon(alice, {}, (a) => a.attach(ExampleSynapse, echo()));
    const wrong = await dendrite.call({ ...s.target, hotkey: bob.address }, ExampleSynapse, example());
    expect(wrong.dendrite.status_code).toBe(401);
    expect(wrong.dendrite.status_message).toMatch(/^Not Verified with error: Signature mismatch with \d+\./);

    const p = dendrite.prepare(s.target, ExampleSynapse, example());
    const h = Object.fromEntries(p.headers);
    expect((await rawPost(s.port, '/ExampleSynapse', h, p.body)).status).toBe(200);
    const replay = await rawPost(s.port, '/ExampleSynapse', h, p.body);
    expect([replay.status, JSON.parse(replay.body).message]).toEqual([
      401,
      'Not Verified with error: Nonce is too old, a newer one was last processed',
    ]);

    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ bt_header_dendrite_signature: undefined }, 'Missing Signature'],
      [{ bt_header_dendrite_signature: 'abcd' }, 'Invalid signature format. Expected hex string.'],
      [{ bt_header_dendrite_nonce: undefined }, 'Missing Nonce'],
      [{ bt_header_dendrite_hotkey: undefined }, 'No SS58 formatted address or public key provided.'],
    ];
    for (const [change, message] of cases) {
      const q = dendrite.prepare(s.target, ExampleSynapse, example());
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...Object.fromEntries(q.headers), ...change }))
        if (v !== undefined) headers[k] = v;
      const res = await rawPost(s.port, '/ExampleSynapse', headers, q.body);
      expect([res.status, JSON.parse(res.body).message]).toEqual([
        401,
        `Not Verified with error: ${message}`,
      ]);
    }
  });

  it('500 with a uuid when forward throws or the body does not match the hash; the detail only in the event', async () => {
    s = await startAxon(alice, {}, (a) =>
      a.attach(ExampleSynapse, {
        forward: () => {
          throw new Error('prover crashed');
        },
      }),
    );
    const reply = await dendrite.call(s.target, ExampleSynapse, example());
    expect(reply.dendrite.status_code).toBe(500);
    expect(reply.dendrite.status_message).toMatch(/^Internal Server Error #[0-9a-f-]{36}$/);
    expect(s.events.at(-1)?.internalError).toBe('prover crashed');

    const p = dendrite.prepare(s.target, ExampleSynapse, example('x'));
    const res = await rawPost(
      s.port,
      '/ExampleSynapse',
      Object.fromEntries(p.headers),
      p.body.replace('"x"', '"y"'),
    );
    expect(res.status).toBe(500);
    expect(s.events.at(-1)?.internalError).toMatch(/Hash mismatch/);
  });

  it('forward may choose the status code (e.g. 409) and gets the full synapse back', async () => {
    s = await startAxon(alice, {}, (a) =>
      a.attach(ExampleSynapse, {
        forward: (syn) => {
          syn.axon.status_code = 409;
          syn.axon.status_message = 'busy proving';
          syn.completion = 'partial';
          return syn;
        },
      }),
    );
    const reply = await dendrite.call(s.target, ExampleSynapse, example());
    expect([reply.dendrite.status_code, reply.dendrite.status_message]).toEqual([409, 'busy proving']);
  });

  it('408 when forward outlives the request timeout (and its signal is aborted)', async () => {
    let aborted = false;
    s = await startAxon(alice, {}, (a) =>
      a.attach(ExampleSynapse, {
        forward: (syn, ctx) =>
          new Promise((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true;
              resolve(syn);
            });
          }),
      }),
    );
    const p = dendrite.prepare(s.target, ExampleSynapse, example(), 0.3);
    const res = await rawPost(s.port, '/ExampleSynapse', Object.fromEntries(p.headers), p.body);
    expect([res.status, JSON.parse(res.body).message]).toEqual([408, 'Response timeout after: 0.3s']);
    expect(aborted).toBe(true);
  });

  it('priority queue: stake order, 408 after waiting past the timeout, 503 when the queue is full', async () => {
    // Like Python's priority_fn, the hook sees the header-built synapse: it ranks by the caller's hotkey.
    const [charlie, dave, eve, ferdie] = await Promise.all(
      ['//Charlie', '//Dave', '//Eve', '//Ferdie'].map(testSigner),
    );
    const stake = new Map([
      [charlie.address, 1],
      [dave.address, 100],
      [eve.address, 1000],
      [ferdie.address, 5],
    ]);
    const order: string[] = [];
    let unblock!: () => void;
    const gate = new Promise<void>((r) => (unblock = r));
    s = await startAxon(alice, { concurrency: 1, maxQueue: 3 }, (a) =>
      a.attach(ExampleSynapse, {
        priority: (syn) => stake.get(syn.dendrite.hotkey ?? '') ?? 0,
        forward: async (syn) => {
          order.push(syn.prompt);
          if (syn.prompt === 'block') await gate;
          return syn;
        },
      }),
    );
    const ds = [bob, charlie, dave, eve, ferdie].map((k) => new Dendrite(k));
    // Wait on the axon's own state, not on sleeps (the machine may be busy).
    const sched = (s.axon as unknown as { scheduler: { active: number; queued: number } }).scheduler;
    const until = async (cond: () => boolean) => {
      while (!cond()) await sleep(5);
    };
    const blocker = ds[0].call(s.target, ExampleSynapse, example('block'));
    await until(() => order.length === 1);
    const low = ds[1].call(s.target, ExampleSynapse, example('stake 1'));
    await until(() => sched.queued === 1);
    const high = ds[2].call(s.target, ExampleSynapse, example('stake 100'));
    await until(() => sched.queued === 2);
    const impatient = ds[3].call(s.target, ExampleSynapse, example('stake 1000'), { timeoutS: 1.5 });
    await until(() => sched.queued === 3);
    const full = await ds[4].call(s.target, ExampleSynapse, example('stake 5'));
    expect([full.dendrite.status_code, full.dendrite.status_message]).toEqual([
      503,
      'Axon busy: 3 requests already waiting',
    ]);
    await until(() => sched.queued === 2); // the axon's queue timer (1.5 s) fired
    expect(s.events.find((e) => e.hotkey === eve.address)).toMatchObject({
      status: 408,
      message: 'Response timeout after: 1.5s',
    });
    expect((await impatient).dendrite.status_code).toBe(408);
    unblock();
    const results = await Promise.all([blocker, low, high]);
    expect(results.map((r) => r.dendrite.status_code)).toEqual([200, 200, 200]);
    expect(order).toEqual(['block', 'stake 100', 'stake 1']);
    ds.forEach((d) => d.close());
  });

  it('413 for a body over the limit (declared or streamed), 431 for huge headers', async () => {
    s = await startAxon(alice, { maxBodyBytes: 1000, maxHeaderBytes: 4096 }, (a) =>
      a.attach(ExampleSynapse, echo()),
    );
    const p = dendrite.prepare(s.target, ExampleSynapse, example('x'.repeat(2000)));
    const big = await rawPost(s.port, '/ExampleSynapse', Object.fromEntries(p.headers), p.body);
    expect(big.status).toBe(413);
    const chunked = await rawPost(
      s.port,
      '/ExampleSynapse',
      { ...Object.fromEntries(p.headers), 'transfer-encoding': 'chunked' },
      p.body,
    );
    expect(chunked.status).toBe(413);
    const huge = await rawPost(s.port, '/ExampleSynapse', { 'x-junk': 'j'.repeat(8000) }, '{}');
    expect(huge.status).toBe(431);
    expect((await dendrite.call(s.target, ExampleSynapse, example())).dendrite.status_code).toBe(200);
  });

  it('429 per IP and per hotkey rate limits', async () => {
    s = await startAxon(alice, { perIpLimit: { ratePerS: 0.001, burst: 3 } }, (a) =>
      a.attach(ExampleSynapse, echo()),
    );
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push((await dendrite.call(s.target, ExampleSynapse, example())).dendrite.status_code);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    await s.axon.stop();
    s = await startAxon(alice, { perHotkeyLimit: { ratePerS: 0.001, burst: 2 } }, (a) =>
      a.attach(ExampleSynapse, echo()),
    );
    const other = new Dendrite(alice);
    const mixed = [];
    for (let i = 0; i < 3; i++)
      mixed.push((await dendrite.call(s.target, ExampleSynapse, example())).dendrite.status_code);
    mixed.push((await other.call(s.target, ExampleSynapse, example())).dendrite.status_code);
    other.close();
    expect(mixed).toEqual([200, 200, 429, 200]);
  });

  it('slow clients: headers never finished → connection closed by the header timeout', async () => {
    s = await startAxon(alice, { headersTimeoutMs: 300, requestTimeoutMs: 600 }, () => {});
    const sock = connect(s.port, '127.0.0.1');
    sock.write('POST /Synapse HTTP/1.1\r\nHost: x\r\n');
    const reply = await new Promise<string>((resolve) => {
      let data = '';
      sock.on('data', (d) => (data += d.toString()));
      sock.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('dendrite failures: 503 refused, 408 timeout, 422 non-JSON reply', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await dendrite.call(
      { ip: '127.0.0.1', port: closedPort, hotkey: alice.address },
      ExampleSynapse,
      example(),
    );
    expect([refused.dendrite.status_code, refused.dendrite.status_message]).toEqual([
      503,
      `Service unavailable at 127.0.0.1:${closedPort}/ExampleSynapse`,
    ]);

    const servers: Server[] = [];
    const serve = async (handler: Parameters<typeof createServer>[1]) => {
      const srv = createServer(handler);
      servers.push(srv);
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
      return { ip: '127.0.0.1', port: (srv.address() as { port: number }).port, hotkey: alice.address };
    };
    const silent = await serve(() => {});
    const slow = await dendrite.call(silent, ExampleSynapse, example(), { timeoutS: 0.2 });
    expect([slow.dendrite.status_code, slow.dendrite.status_message]).toEqual([
      408,
      'Request timeout after 0.2 seconds',
    ]);
    const text = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
    );
    const bad = await dendrite.call(text, ExampleSynapse, example());
    expect(bad.dendrite.status_code).toBe(422);
    expect(bad.dendrite.status_message).toMatch(/^Failed to parse response: /);
    servers.forEach((srv) => srv.closeAllConnections());
    await Promise.all(servers.map((srv) => new Promise((r) => srv.close(r))));
  });
});
