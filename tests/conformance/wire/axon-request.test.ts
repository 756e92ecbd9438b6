import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';
import {
  Axon,
  BaseSynapse,
  parseSynapseJson,
  Dendrite,
  parsePyJson,
  publicKeyOf,
  verifyMessage,
  type AxonRequestEvent,
} from '../../../core/bittensor/wire/index.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { ExampleSynapse } from './example-synapse.js';
import { testSigner } from './test-signer.js';

interface VectorRequest {
  name: string;
  method: string;
  path: string;
  signing_message: string;
  signature: string;
  headers: Record<string, string>;
  request_body: string;
  example_response_body: string;
  example_response_headers?: Record<string, string>;
}
const V = JSON.parse(readFileSync(sharedPath('vectors', 'axon-request.json'), 'utf8')) as {
  dendrite: { mnemonic_key_ss58: string; uuid: string; nonce: string; ip: string };
  axon: { hotkey_ss58: string };
  acceptance_window: { axon_clock_ns_used_for_200: string; accepted_if_axon_clock_ns_below: string };
  requests: VectorRequest[];
  negative_cases: Array<{
    case: string;
    axon_clock_ns?: string;
    status: number;
    body?: string;
    example_error_headers?: Record<string, string>;
  }>;
};
const [example, ping] = V.requests;
const okClock = BigInt(V.acceptance_window.axon_clock_ns_used_for_200);
const negative = (prefix: string) => {
  const c = V.negative_cases.find((n) => n.case.startsWith(prefix));
  if (!c) throw new Error(`no negative case ${prefix}`);
  return c;
};
// Values that differ per run or per implementation (sizes are Python memory sizes, Q4).
const VARIABLE = new Set([
  'bt_header_axon_process_time',
  'bt_header_axon_nonce',
  'bt_header_axon_uuid',
  'bt_header_axon_signature',
  'bt_header_dendrite_port',
  'total_size',
  'header_size',
  'date',
  'content-length',
]);

let alice: Sr25519Signer;
let bob: Sr25519Signer;
let axon: Axon | undefined;
let events: AxonRequestEvent[];

beforeAll(async () => {
  alice = await testSigner('//Alice');
  bob = await testSigner('//Bob');
});
afterEach(async () => {
  await axon?.stop();
  axon = undefined;
});

async function startAxon(signer: Sr25519Signer, clockNs: bigint): Promise<number> {
  axon = new Axon(signer, { port: 0, host: '127.0.0.1', clockNs: () => clockNs });
  axon.attach(ExampleSynapse, {
    forward: (s) => {
      s.completion = 'ok';
      return s;
    },
  });
  events = [];
  axon.on('request', (e) => events.push(e));
  return (await axon.start()).port;
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const stable = (h: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(h).filter(([k]) => !VARIABLE.has(k) && k !== 'connection' && k !== 'keep-alive'),
  );
const withoutProcessTime = (json: string) => {
  const v = parsePyJson(json) as Map<string, unknown>;
  (v.get('axon') as Map<string, unknown>).delete('process_time');
  return v;
};

describe('vectors/axon-request.json: the vector requests against our axon', () => {
  it('the vector signatures verify (raw sr25519 path)', () => {
    for (const r of V.requests) {
      const sig = Buffer.from(r.signature.slice(2), 'hex');
      expect(verifyMessage(publicKeyOf(V.dendrite.mnemonic_key_ss58), r.signing_message, sig)).toBe(true);
      expect(verifyMessage(publicKeyOf(V.dendrite.mnemonic_key_ss58), `${r.signing_message}x`, sig)).toBe(
        false,
      );
    }
  });

  for (const r of [example, ping]) {
    it(`${r.name}: 200 with the example response body and headers`, async () => {
      const port = await startAxon(alice, okClock);
      const res = await send(port, r.method, r.path, r.headers, r.request_body);
      expect(res.status).toBe(200);
      expect(withoutProcessTime(res.body)).toEqual(withoutProcessTime(r.example_response_body));
      const pt = (parsePyJson(res.body) as Map<string, Map<string, unknown>>)
        .get('axon')
        ?.get('process_time');
      expect(typeof pt).toBe('number');
      if (r.example_response_headers) expect(stable(res.headers)).toEqual(stable(r.example_response_headers));
      expect(Number(res.headers.bt_header_axon_process_time)).toBeGreaterThanOrEqual(0);
      expect(events.map((e) => [e.route, e.status])).toEqual([[r.path.slice(1), 200]]);
    });
  }

  it('replay: 401 with the exact message and the error headers of the header-built synapse', async () => {
    const c = negative('same ExampleSynapse request sent twice');
    const port = await startAxon(alice, BigInt(c.axon_clock_ns as string));
    expect((await send(port, 'POST', example.path, example.headers, example.request_body)).status).toBe(200);
    const res = await send(port, 'POST', example.path, example.headers, example.request_body);
    expect(res.status).toBe(c.status);
    expect(res.body).toBe(c.body);
    const expected = stable(c.example_error_headers as Record<string, string>);
    expect(stable(res.headers)).toEqual(expected);
    expect(res.headers.bt_header_axon_uuid).toBe(axon?.uuid);
    expect(res.headers.bt_header_axon_nonce).toBe(c.axon_clock_ns);
    expect(res.headers.bt_header_dendrite_port).toMatch(/^\d+$/);
  });

  it('stale nonce (clock +17 s): 401 with the exact message', async () => {
    const c = negative('axon clock 17 s');
    const port = await startAxon(alice, BigInt(c.axon_clock_ns as string));
    const res = await send(port, 'POST', example.path, example.headers, example.request_body);
    expect([res.status, res.body]).toEqual([c.status, c.body]);
  });

  it('window edge: accepted 1 µs below nonce + 16 s, rejected at it (float64 arithmetic, as Python)', async () => {
    const below = BigInt(V.acceptance_window.accepted_if_axon_clock_ns_below);
    let port = await startAxon(alice, below - 1000n);
    expect((await send(port, 'POST', example.path, example.headers, example.request_body)).status).toBe(200);
    await axon?.stop();
    port = await startAxon(alice, below);
    expect((await send(port, 'POST', example.path, example.headers, example.request_body)).status).toBe(401);
  });

  it('future nonce (clock 1 h before): 200', async () => {
    const c = negative('axon clock 1 h BEFORE');
    const port = await startAxon(alice, BigInt(c.axon_clock_ns as string));
    expect((await send(port, 'POST', example.path, example.headers, example.request_body)).status).toBe(200);
  });

  it('tampered body: 500 Internal Server Error #<uuid4>', async () => {
    const port = await startAxon(alice, okClock);
    const res = await send(
      port,
      'POST',
      example.path,
      example.headers,
      example.request_body.replace('"b\'s"', '"c"'),
    );
    expect(res.status).toBe(500);
    expect(res.body).toMatch(
      /^\{"message":"Internal Server Error #[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"\}$/,
    );
    expect(events[0].internalError).toMatch(/Hash mismatch/);
    expect(events[0].errorId && res.body.includes(events[0].errorId)).toBe(true);
  });

  it('axon hotkey //Bob: 401 signature mismatch with the exact message', async () => {
    const c = negative('axon hotkey is //Bob');
    const port = await startAxon(bob, BigInt(c.axon_clock_ns as string));
    const res = await send(port, 'POST', example.path, example.headers, example.request_body);
    expect([res.status, res.body]).toEqual([c.status, c.body]);
  });

  it('missing bt_header_input_obj_prompt: 500', async () => {
    const port = await startAxon(alice, okClock);
    const headers = { ...example.headers };
    delete headers.bt_header_input_obj_prompt;
    const res = await send(port, 'POST', example.path, headers, example.request_body);
    expect(res.status).toBe(500);
    expect(res.body).toMatch(/Internal Server Error #/);
  });

  it('GET /: 404 with the exact message and base-synapse headers', async () => {
    const c = negative('GET /');
    const port = await startAxon(alice, okClock);
    const res = await send(port, 'GET', '/', {});
    expect([res.status, res.body]).toEqual([c.status, c.body]);
    expect(stable(res.headers)).toEqual(stable(c.example_error_headers as Record<string, string>));
  });
});

describe('vectors/axon-request.json: our dendrite builds the same request', () => {
  it('headers, body and signing message match the SDK byte for byte (signature verified, not compared)', async () => {
    const signer = await testSigner(readMnemonic());
    expect(signer.address).toBe(V.dendrite.mnemonic_key_ss58);
    for (const r of V.requests) {
      const d = new Dendrite(signer, {
        uuid: V.dendrite.uuid,
        externalIp: V.dendrite.ip,
        clockNs: () => BigInt(V.dendrite.nonce),
      });
      const body = parsePyJson(r.request_body);
      const def = r.name === 'ping' ? BaseSynapse : ExampleSynapse;
      const synapse = parseSynapseJson(def, body);
      const p = d.prepare(
        { ip: '198.51.100.7', port: 8091, hotkey: V.axon.hotkey_ss58 },
        def,
        synapse as never,
        12.0,
      );
      expect(p.url).toBe(`http://198.51.100.7:8091${r.path}`);
      const sig = p.synapse.dendrite.signature as string;
      expect(
        verifyMessage(publicKeyOf(signer.address), r.signing_message, Buffer.from(sig.slice(2), 'hex')),
      ).toBe(true);
      const sent = Object.fromEntries(p.headers);
      const want = { ...r.headers, bt_header_dendrite_signature: sig, header_size: '0', total_size: '0' };
      expect(sent).toEqual(want);
      // total_size is echoed from the synapse; the header carries 0 instead of Python's memory size (Q4).
      expect(p.body).toBe(r.request_body.replaceAll(r.signature, sig));
    }
  });
});

function readMnemonic(): string {
  return (JSON.parse(readFileSync(sharedPath('vectors', 'keys.json'), 'utf8')) as { mnemonic: string })
    .mnemonic;
}
