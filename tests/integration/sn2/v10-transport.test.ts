import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sr25519Signer } from '../../../core/bittensor/signer.js';
import type { Caller, Sn2Handlers, Sn2Server } from '../../../core/sn2/transport/sn2-transport.js';
import { v10Client } from '../../../core/sn2/transport/v10-client.js';
import { v10Server } from '../../../core/sn2/transport/v10-server.js';
import { testSigner } from '../../conformance/wire/test-signer.js';

// The protocol-neutral seam over real loopback sockets: SN2 messages in plain values go through the v10
// axon/dendrite and come out the same on the other side.
let alice: Sr25519Signer;
let bob: Sr25519Signer;
let server: Sn2Server;
let port: number;
const callers: Caller[] = [];
const statuses: number[] = [];

const handlers: Sn2Handlers = {
  blacklist: (hotkey) => (hotkey === 'never' ? 'no' : null),
  priority: () => 0,
  async queryZkProof(query, caller) {
    callers.push(caller);
    return { queryOutput: JSON.stringify(query.queryInput) };
  },
  async proofOfWeights(query) {
    return { inputs: query.inputs, proof: `proof:${query.circuitId}`, publicSignals: `${query.subnetUid}` };
  },
  capacities: async () => ({ circuit: 400, other: 0 }),
  competition: () => ({ error: 'none' }),
};

beforeAll(async () => {
  alice = await testSigner('//Alice');
  bob = await testSigner('//Bob');
  server = v10Server(alice, { port: 0, host: '127.0.0.1', verifyThreads: 0 });
  server.serve(handlers);
  server.onRequest((r) => statuses.push(r.status));
  port = (await server.start()).port;
});

afterAll(async () => {
  await server.stop();
});

describe('the SN2 transport seam over v10', () => {
  it('carries each SN2 message both ways, and the caller as the signature proves it', async () => {
    const client = v10Client(bob);
    const peer = { ip: '127.0.0.1', port, hotkey: alice.address };
    try {
      const zk = await client.queryZkProof(
        peer,
        { queryInput: { public_inputs: { a: [1, 2] }, model_id: 'm' } },
        { timeoutS: 5 },
      );
      expect([zk.ok, zk.status]).toEqual([true, 200]);
      expect(JSON.parse(zk.answer?.queryOutput ?? '')).toEqual({
        public_inputs: { a: [1, 2] },
        model_id: 'm',
      });
      expect(zk.processTimeS).toBeGreaterThan(0);
      expect(callers.at(-1)).toEqual({ hotkey: bob.address, timeoutSeconds: 5 });

      const pow = await client.proofOfWeights(peer, {
        subnetUid: 2,
        circuitId: 'c',
        proofSystem: 'CIRCOM',
        inputs: { x: 1 },
      });
      expect(pow.answer).toEqual({ inputs: { x: 1 }, proof: 'proof:c', publicSignals: '2' });

      const caps = await client.capacities(peer);
      expect(caps.answer).toEqual({ circuit: 400, other: 0 });
      const comp = await client.competition(peer);
      expect(comp.answer).toEqual({ error: 'none' });
    } finally {
      client.close();
    }
  });

  it('a refused call has no answer and its status, and the server reports it', async () => {
    const client = v10Client(bob);
    try {
      // Signed for another axon hotkey: the signature does not verify on alice's axon.
      const r = await client.queryZkProof(
        { ip: '127.0.0.1', port, hotkey: bob.address },
        { queryInput: null },
      );
      expect([r.ok, r.status, r.answer]).toEqual([false, 401, null]);
      expect(statuses.at(-1)).toBe(401);
    } finally {
      client.close();
    }
  });
});
