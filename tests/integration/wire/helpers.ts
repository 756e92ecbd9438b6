import { request } from 'node:http';
import {
  Axon,
  createSynapse,
  type AxonOptions,
  type AxonRequestEvent,
} from '../../../core/bittensor/wire/index.js';
import { ExampleSynapse } from '../../conformance/wire/example-synapse.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';

export { testSigner } from '../../conformance/wire/test-signer.js';
export { ExampleSynapse };

export interface Started {
  axon: Axon;
  port: number;
  events: AxonRequestEvent[];
  target: { ip: string; port: number; hotkey: string };
}

export async function startAxon(
  signer: Sr25519Signer,
  options: AxonOptions,
  setup: (a: Axon) => void,
): Promise<Started> {
  const axon = new Axon(signer, {
    port: 0,
    host: '127.0.0.1',
    perIpLimit: null,
    perHotkeyLimit: null,
    ...options,
  });
  setup(axon);
  const events: AxonRequestEvent[] = [];
  axon.on('request', (e) => events.push(e));
  const { port } = await axon.start();
  return { axon, port, events, target: { ip: '127.0.0.1', port, hotkey: signer.address } };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  method = 'POST',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Forward hook that answers `<completion>:<prompt>`. */
export const echo = (completion = 'ok') => ({
  forward: (syn: ReturnType<typeof example>) => {
    syn.completion = `${completion}:${syn.prompt}`;
    return syn;
  },
});
/** An ExampleSynapse request. */
export const example = (prompt = 'hello') =>
  createSynapse(ExampleSynapse, { prompt, temperature: 1.0, tags: ['a'], options: new Map([['k', 1n]]) });
