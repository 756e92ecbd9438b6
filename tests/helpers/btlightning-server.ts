/**
 * A btlightning SERVER in TypeScript, written from spec sn2-2026 §4 (btlightning v0.2.5): QUIC with ALPN
 * `btlightning`, a fresh self-signed ECDSA P-256 certificate (SAN localhost) per start, stateless Retry, one frame in
 * and one frame out per bidirectional stream, the handshake checks of §4.6 and the synapse errors of §4.7. It stands
 * in for the official sn2-miner's QUIC listener, which cannot run here.
 *
 * Standalone: `npx tsx tests/helpers/btlightning-server.ts --port 8091 [--host 127.0.0.1] [--seed 0x…]
 * [--admit SS58]…` prints one JSON line `{"host","port","minerHotkey","certFingerprint"}` on stdout when listening,
 * then the miner's btlightning log lines (tracing format, spec §3.1) on stdout; SIGTERM/SIGINT stop it.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from 'selfsigned';
import { Keypair, cryptoReady } from '../../core/bittensor/keys/index.js';
import { ALPN, MessageType, encodeFrame } from '../../core/btlightning/frame.js';
import { certFingerprint } from '../../core/btlightning/handshake.js';
import {
  decodeSynapsePacket,
  encodeHandshakeResponse,
  encodeSynapseResponse,
  type SynapseData,
} from '../../core/btlightning/messages.js';
import { loadQuic, serverCrypto, silentQuicLogger } from '../../core/btlightning/quic-runtime.js';
import {
  FrameTimeoutError,
  readFrame,
  writeFrameWithFin,
  type FrameStream,
} from '../../core/btlightning/stream-io.js';
import { answerHandshake, type HandshakeServerState, type LogSink } from './btlightning-server-handshake.js';

export type SynapseHandler = (data: SynapseData) => Promise<SynapseData>;

export interface BtlightningServerOptions {
  miner: Keypair;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Admitted validator hotkeys; omitted = any correctly signed hotkey (btlightning's loopback mode). */
  admitted?: string[];
  /** Answer accepted handshakes signed over another certificate's fingerprint (a server that is not who it claims). */
  wrongFingerprint?: boolean;
  /** Sign accepted replies with this key while naming `miner` (an impostor). */
  impostorKey?: Keypair;
  /** Accept QUIC connections and streams but never answer a frame (a QUIC server that is not btlightning). */
  silent?: boolean;
  /** Answer every stream with these bytes and FIN, whatever it asked (a broken or hostile server). */
  rawReply?: Uint8Array;
  /** Another ALPN than `btlightning`: some other QUIC service on the port. */
  alpn?: string;
  /** Seconds since the epoch. */
  now?: () => number;
  log?: LogSink;
  handlers?: Record<string, SynapseHandler>;
  /** Per-stream wait for the request frame (btlightning: 10 s for handshakes). */
  readTimeoutMs?: number;
  handlerTimeoutMs?: number;
}

export interface RunningBtlightningServer {
  host: string;
  port: number;
  minerHotkey: string;
  certFingerprint: string;
  close(): Promise<void>;
}

export async function startBtlightningServer(
  options: BtlightningServerOptions,
): Promise<RunningBtlightningServer> {
  const quic = await loadQuic();
  const pems = await generate([{ name: 'commonName', value: 'rcgen self signed cert' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  });
  const certDer = Buffer.from(pems.cert.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  const log: LogSink = options.log ?? (() => {});
  const state: HandshakeServerState = {
    miner: options.miner,
    certFp: certFingerprint(certDer),
    ...(options.admitted ? { admitted: new Set(options.admitted) } : {}),
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    log,
    ...(options.impostorKey ? { signWith: options.impostorKey } : {}),
    ...(options.wrongFingerprint ? { signFingerprint: certFingerprint(new Uint8Array([1, 2, 3])) } : {}),
    handshakesByIp: new Map(),
    usedNonces: new Map(),
    validators: new Map(),
  };
  const server = new quic.QUICServer({
    crypto: serverCrypto(),
    config: {
      key: pems.private,
      cert: pems.cert,
      verifyPeer: false,
      applicationProtos: [options.alpn ?? ALPN],
      maxIdleTimeout: 150_000,
      initialMaxStreamsBidi: 128,
      initialMaxStreamsUni: 0,
    },
    logger: silentQuicLogger(),
  });
  const authorised = new Map<string, string>();
  const readTimeoutMs = options.readTimeoutMs ?? 10_000;

  server.addEventListener(quic.events.EventQUICServerConnection.name, (evt) => {
    const connection = (evt as InstanceType<typeof quic.events.EventQUICServerConnection>).detail;
    const remote = { host: connection.remoteHost as string, port: connection.remotePort as number };
    const address = `${remote.host}:${remote.port}`;
    connection.addEventListener(quic.events.EventQUICConnectionStream.name, (e) => {
      const stream = (e as InstanceType<typeof quic.events.EventQUICConnectionStream>).detail;
      if (options.silent) return;
      if (options.rawReply) {
        void writeFrameWithFin(connection, stream, options.rawReply).catch(() => stream.cancel());
        return;
      }
      void serveStream(connection, stream).catch(() => stream.cancel());
    });
    void connection.closedP.then(() => {
      const hotkey = authorised.get(address);
      authorised.delete(address);
      if (hotkey && state.validators.get(hotkey) === address) state.validators.delete(hotkey);
    });

    async function serveStream(conn: object, stream: FrameStream): Promise<void> {
      let frame;
      try {
        frame = await readFrame(stream, { timeoutMs: readTimeoutMs });
      } catch (err) {
        if (err instanceof FrameTimeoutError)
          log('WARN', 'btlightning::server::dispatch', `Handshake processing timed out for ${remote.host}`);
        throw err;
      }
      if (frame.type === MessageType.HandshakeRequest) {
        const { response, accepted } = answerHandshake(state, frame.payload, remote);
        if (accepted) {
          authorised.set(address, accepted);
          state.validators.set(accepted, address);
        }
        const reply = encodeFrame(MessageType.HandshakeResponse, encodeHandshakeResponse(response));
        return writeFrameWithFin(conn, stream, reply);
      }
      if (frame.type === MessageType.SynapsePacket) {
        const reply = await answerSynapse(frame.payload);
        return writeFrameWithFin(
          conn,
          stream,
          encodeFrame(MessageType.SynapseResponse, encodeSynapseResponse(reply)),
        );
      }
      log('WARN', 'btlightning::server::dispatch', 'Unexpected message type on server');
      await stream.writable.close();
    }

    async function answerSynapse(payload: Uint8Array) {
      const error = (message: string) => ({
        success: false,
        data: new Map(),
        timestamp: state.now(),
        error: message,
      });
      if (!authorised.has(address)) {
        log(
          'ERROR',
          'btlightning::server::dispatch',
          `Unknown or unauthenticated connection from ${address}`,
        );
        return error('authentication failed');
      }
      let packet;
      try {
        packet = decodeSynapsePacket(payload);
      } catch {
        return error('invalid request format');
      }
      const handler = options.handlers?.[packet.synapseType];
      if (!handler) return error('unrecognized synapse type');
      let timer: NodeJS.Timeout | undefined;
      try {
        const data = await Promise.race([
          handler(packet.data),
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), options.handlerTimeoutMs ?? 180_000);
          }),
        ]);
        if (data === 'timeout') return error('handler timed out');
        return { success: true, data, timestamp: state.now(), error: null };
      } catch {
        return error('request processing failed');
      } finally {
        clearTimeout(timer);
      }
    }
  });

  await server.start({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    host: server.host as string,
    port: server.port as number,
    minerHotkey: options.miner.address,
    certFingerprint: state.certFp,
    close: () => server.stop({ isApp: true, errorCode: 0, force: true }),
  };
}

/** A tracing-subscriber "full" line as sn2-miner prints it (spec §3.1). */
export const tracingLine = (level: string, target: string, message: string): string =>
  `${new Date().toISOString().replace(/(\.\d{3})Z$/, '$1000Z')} ${level.padStart(5)} ${target}: ${message}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      admit: { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      'usage: btlightning-server --port N [--host H] [--seed 0x<32 bytes>] [--admit SS58]…\n',
    );
    process.exit(2);
  }
  await cryptoReady();
  const miner = values.seed
    ? await Keypair.fromSeed(Buffer.from(values.seed.replace(/^0x/, ''), 'hex'))
    : await Keypair.fromUri('//Alice');
  const server = await startBtlightningServer({
    miner,
    host: values.host,
    port,
    ...(values.admit ? { admitted: values.admit } : {}),
    log: (level, target, message) => process.stdout.write(`${tracingLine(level, target, message)}\n`),
  });
  const { host, minerHotkey, certFingerprint: fp } = server;
  process.stdout.write(`${JSON.stringify({ host, port: server.port, minerHotkey, certFingerprint: fp })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`btlightning-server: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
