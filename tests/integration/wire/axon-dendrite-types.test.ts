import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSynapse,
  Dendrite,
  defineSynapse,
  py,
  required,
  withDefault,
  type PyValue,
} from '../../../core/bittensor/wire/index.js';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import { echo, example, ExampleSynapse, startAxon, testSigner, type Started } from './helpers.js';

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

describe('axon ↔ dendrite: addresses and field types', () => {
  it('IPv6: the dendrite brackets the literal and reaches an axon on ::1', async () => {
    s = await startAxon(alice, { host: '::1' }, (a) => a.attach(ExampleSynapse, echo()));
    const reply = await dendrite.call(
      { ip: '::1', port: s.port, hotkey: alice.address },
      ExampleSynapse,
      example(),
    );
    expect(reply.dendrite.status_code).toBe(200);
    expect(s.events[0].peerIp).toBe('::1');
  });

  it('required fields travel as bt_header_input_obj_* and nested types survive the round trip', async () => {
    const Typed = defineSynapse('Typed', {
      id: required(py.int),
      hash: required(py.str),
      inputs: required(py.dict()),
      scores: withDefault(py.list(py.float), []),
      note: withDefault(py.optional(py.str), null),
    });
    s = await startAxon(alice, {}, (a) =>
      a.attach(Typed, {
        forward: (syn) => {
          syn.scores = [1, 0.5];
          syn.note = `got ${syn.id}`;
          return syn;
        },
      }),
    );
    const req = createSynapse(Typed, {
      id: 12345678901234567890n,
      hash: 'h',
      inputs: new Map<string, PyValue>([
        ['2', 1.0],
        ['b', 2n],
      ]),
    });
    const p = dendrite.prepare(s.target, Typed, req);
    expect(Object.fromEntries(p.headers)).toMatchObject({
      bt_header_input_obj_id: 'MA==',
      bt_header_input_obj_hash: 'IiI=',
      bt_header_input_obj_inputs: 'e30=',
    });
    expect(p.body).toContain('"inputs": {"2": 1.0, "b": 2}');
    const reply = await dendrite.call(s.target, Typed, req);
    expect(reply.dendrite.status_code).toBe(200);
    expect(reply.note).toBe('got 12345678901234567890');
    expect(reply.scores).toEqual([1, 0.5]);
    expect([...reply.inputs.keys()]).toEqual(['2', 'b']);
  });
});
