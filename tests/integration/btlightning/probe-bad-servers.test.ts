import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, cryptoReady } from '../../../core/bittensor/keys/index.js';
import { ALPN, MessageType, encodeFrame } from '../../../core/btlightning/frame.js';
import { certFingerprint, createHandshakeRequest } from '../../../core/btlightning/handshake.js';
import { F64 } from '../../../core/btlightning/msgpack.js';
import {
  decodeHandshakeResponse,
  decodeSynapseResponse,
  encodeHandshakeRequest,
  encodeSynapsePacket,
  type SynapseResponse,
} from '../../../core/btlightning/messages.js';
import { probeQuic } from '../../../core/btlightning/probe.js';
import { clientCrypto, loadQuic, silentQuicLogger } from '../../../core/btlightning/quic-runtime.js';
import { readFrame, writeFrameWithFin } from '../../../core/btlightning/stream-io.js';
import { startBtlightningServer, type RunningBtlightningServer } from '../../helpers/btlightning-server.js';

let miner: Keypair;
let validator: Keypair;
const servers: RunningBtlightningServer[] = [];
beforeAll(async () => {
  await cryptoReady();
  miner = await Keypair.fromSeed(Buffer.from('01'.repeat(32), 'hex'));
  validator = await Keypair.fromSeed(Buffer.from('02'.repeat(32), 'hex'));
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function raw(bytes: string) {
  const s = await startBtlightningServer({ miner, rawReply: Buffer.from(bytes, 'hex') });
  servers.push(s);
  return probeQuic({ host: s.host, port: s.port, signer: validator, replyTimeoutMs: 3_000 });
}

describe('the probe against broken or hostile replies: one clear failure, never a crash or an unbounded buffer', () => {
  it.each([
    ['07 00000000', /unknown btlightning message type 0x07/],
    ['02 ffffffff', /frame payload of 4294967295 bytes exceeds the limit of 134217728/],
    ['02 00000010 9600', /the stream closed after 7 of 21 bytes of a frame/],
    ['02 00000001 c1', /HandshakeResponse: unsupported MessagePack type byte 0xc1/],
    ['02 00000000', /HandshakeResponse: empty payload/],
    ['02 00000004 93c3c3c3', /HandshakeResponse: array of 3 elements, expected 5 or 6/],
    ['04 00000001 90', /expected a HandshakeResponse frame \(0x02\), got type 0x04/],
  ])('reply %s', async (hex, message) => {
    const result = await raw(hex.replaceAll(' ', ''));
    expect(result).toMatchObject({ ok: false, reached: false, failure: { kind: 'protocol' } });
    expect(result.message).toMatch(message);
  });
});

describe('the probe against another QUIC service', () => {
  it('a server without the btlightning ALPN: the TLS handshake fails (no_application_protocol)', async () => {
    const s = await startBtlightningServer({ miner, alpn: 'h3' });
    servers.push(s);
    const result = await probeQuic({
      host: s.host,
      port: s.port,
      signer: validator,
      connectTimeoutMs: 3_000,
    });
    expect(result).toMatchObject({ ok: false, reached: false, failure: { kind: 'connection' } });
    expect(result.message).toMatch(/speaks QUIC but the TLS handshake failed \(not a btlightning server\?\)/);
  });
});

/** A validator's synapse exchange after the handshake, as btlightning's client does it (spec §4.7). */
async function session(server: RunningBtlightningServer, handshake: boolean) {
  const quic = await loadQuic();
  const client = await quic.QUICClient.createQUICClient(
    {
      host: server.host,
      port: server.port,
      crypto: clientCrypto,
      config: { applicationProtos: [ALPN], verifyPeer: false, maxIdleTimeout: 10_000 },
      logger: silentQuicLogger(),
    },
    { timer: 5_000 },
  );
  const exchange = async (type: 0x01 | 0x03, payload: Uint8Array) => {
    const stream = client.connection.newStream('bidi');
    await writeFrameWithFin(client.connection, stream, encodeFrame(type, payload));
    return readFrame(stream, { timeoutMs: 5_000 });
  };
  if (handshake) {
    const fp = certFingerprint(client.connection.getRemoteCertsChain()[0]);
    const reply = await exchange(
      MessageType.HandshakeRequest,
      encodeHandshakeRequest(createHandshakeRequest(validator, fp)),
    );
    expect(decodeHandshakeResponse(reply.payload).accepted).toBe(true);
  }
  return {
    synapse: async (synapseType: string | Uint8Array, data = new Map()): Promise<SynapseResponse> => {
      const payload =
        typeof synapseType === 'string'
          ? encodeSynapsePacket({ synapseType, data, timestamp: 1767225600 })
          : synapseType;
      const frame = await exchange(MessageType.SynapsePacket, payload);
      expect(frame.type).toBe(MessageType.SynapseResponse);
      return decodeSynapseResponse(frame.payload);
    },
    close: () => client.destroy({ isApp: true, errorCode: 0, force: true }),
  };
}

describe("the test server speaks btlightning synapses (spec §4.7) for other engines' tests", () => {
  it("authorises by handshake, routes by synapse type and answers the spec's errors", async () => {
    const server = await startBtlightningServer({
      miner,
      handlers: {
        'query-zk-proof': async (data) =>
          new Map<string, Uint8Array | F64[]>([
            ['query_output', Buffer.from(String(data.get('model_id')))],
            ['computed_outputs', [new F64(1)]],
          ]),
        'dsperse-proof-generation': async () => {
          throw new Error('circuit missing');
        },
      },
    });
    servers.push(server);
    const anonymous = await session(server, false);
    expect(await anonymous.synapse('query-zk-proof')).toMatchObject({
      success: false,
      error: 'authentication failed',
    });
    await anonymous.close();

    const v = await session(server, true);
    const ok = await v.synapse('query-zk-proof', new Map([['model_id', 'abc']]));
    expect(ok).toMatchObject({ success: true, error: null });
    expect(ok.data.get('query_output')).toEqual(new Uint8Array(Buffer.from('abc')));
    expect(ok.data.get('computed_outputs')).toEqual([new F64(1)]);
    expect(await v.synapse('competition')).toMatchObject({
      success: false,
      error: 'unrecognized synapse type',
      data: new Map(),
    });
    expect(await v.synapse('dsperse-proof-generation')).toMatchObject({
      success: false,
      error: 'request processing failed',
    });
    expect(await v.synapse(Buffer.from('93c3', 'hex'))).toMatchObject({
      success: false,
      error: 'invalid request format',
    });
    await v.close();
  });
});
