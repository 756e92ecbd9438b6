import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { BodyAbortedError, BodyTooLargeError, readBody } from '../../util/read-body.js';
import type { Sr25519Signer } from '../signer.js';
import { fromHeaders, toHeaders, type HeaderList } from './headers.js';
import { dumpPyJson, parsePyJson, PYTHON_DUMPS } from './py-json.js';
import { pyStr } from './python-str.js';
import { requestSigningMessage, signText } from './signature.js';
import {
  BaseSynapse,
  bodyHash,
  createSynapse,
  emptyTerminalInfo,
  parseSynapseJson,
  synapseToPy,
  type SynapseDefinition,
  type SynapseOf,
  type TerminalInfo,
} from './synapse.js';
import { SDK_VERSION_AS_INT } from './version.js';

/** Where to send a request: an axon as the chain lists it. */
export interface AxonTarget {
  ip: string;
  port: number;
  /** The axon's hotkey (ss58): part of the signed message. */
  hotkey: string;
}

export interface DendriteOptions {
  /** Our public IP, announced in `bt_header_dendrite_ip` (the axon overwrites it with the TCP peer). */
  externalIp?: string;
  /** Fixed uuid (default: a fresh one per dendrite, as the SDK does). */
  uuid?: string;
  version?: number;
  /** Sockets kept per axon (keep-alive). Default 16. */
  maxSocketsPerAxon?: number;
  /** Largest accepted response body. Default 64 MiB (proofs can be large). */
  maxResponseBytes?: number;
  /** Wall clock in ns (tests). */
  clockNs?: () => bigint;
}

export interface CallOptions {
  /** Total request timeout in seconds (SDK default 12.0); also sent as the `timeout` field. */
  timeoutS?: number;
  signal?: AbortSignal;
}

/** Client-side failures, mapped to the status the SDK dendrite reports (bittensor-wire.md §8). */
class CallFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const wallClockNs = (() => {
  const wallAtStart = BigInt(Date.now()) * 1_000_000n;
  const hrAtStart = process.hrtime.bigint();
  return () => wallAtStart + (process.hrtime.bigint() - hrAtStart);
})();

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bittensor dendrite (client side of the v10 wire protocol, SDK 9.9.0 semantics). Signs with
 * the hotkey, one uuid per instance, strictly increasing BigInt ns nonces, keep-alive sockets.
 * `call` never throws for network or protocol failures: like the SDK it returns the synapse with
 * `dendrite.status_code` / `status_message` set (200 = success).
 */
export class Dendrite {
  readonly uuid: string;
  private lastNonce = 0n;
  private readonly agent: Agent;
  private readonly version: number;
  private readonly externalIp: string;
  private readonly maxResponseBytes: number;
  private readonly clockNs: () => bigint;

  constructor(
    private readonly signer: Sr25519Signer,
    options: DendriteOptions = {},
  ) {
    this.uuid = options.uuid ?? randomUUID();
    this.version = options.version ?? SDK_VERSION_AS_INT;
    this.externalIp = options.externalIp ?? '0.0.0.0';
    this.maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    this.clockNs = options.clockNs ?? wallClockNs;
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSocketsPerAxon ?? 16 });
  }

  get hotkey(): string {
    return this.signer.address;
  }

  /** The next nonce: wall-clock ns, strictly above the previous one. */
  nextNonce(): bigint {
    const now = this.clockNs();
    this.lastNonce = now > this.lastNonce ? now : this.lastNonce + 1n;
    return this.lastNonce;
  }

  /**
   * Prepares the signed request exactly as the SDK's `preprocess_synapse_for_request` +
   * `to_headers` + `model_dump` do. Exposed for tools and conformance tests.
   */
  prepare<D extends SynapseDefinition>(
    target: AxonTarget,
    def: D,
    synapse: SynapseOf<D>,
    timeoutS = 12.0,
  ): { url: string; headers: HeaderList; body: string; synapse: SynapseOf<D> } {
    const s = createSynapse(def, { ...synapse } as never) as SynapseOf<D>;
    s.timeout = timeoutS;
    s.dendrite = {
      ...emptyTerminalInfo(),
      ip: this.externalIp,
      version: this.version,
      nonce: this.nextNonce(),
      uuid: this.uuid,
      hotkey: this.signer.address,
    };
    s.axon = { ...emptyTerminalInfo(), ip: target.ip, port: target.port, hotkey: target.hotkey };
    const hash = bodyHash(def, s);
    s.dendrite.signature = signText(
      this.signer,
      requestSigningMessage(s.dendrite.nonce as bigint, this.signer.address, target.hotkey, this.uuid, hash),
    );
    const body = dumpPyJson(synapseToPy(def, s), PYTHON_DUMPS);
    return { url: axonUrl(target, def.name), headers: toHeaders(def, s), body, synapse: s };
  }

  async call<D extends SynapseDefinition>(
    target: AxonTarget,
    def: D,
    synapse: SynapseOf<D>,
    options: CallOptions = {},
  ): Promise<SynapseOf<D>> {
    const timeoutS = options.timeoutS ?? 12.0;
    const started = performance.now();
    const prepared = this.prepare(target, def, synapse, timeoutS);
    const local = prepared.synapse;
    try {
      const { status, headers, body } = await this.post(
        prepared.url,
        prepared.headers,
        prepared.body,
        timeoutS,
        options.signal,
      );
      mergeResponse(def, local, status, headers, body);
      local.dendrite.process_time = (performance.now() - started) / 1000;
    } catch (err) {
      const failure = toFailure(err, local, def.name);
      local.dendrite.status_code = failure.status;
      local.dendrite.status_message = failure.message;
    }
    return local;
  }

  private post(
    url: string,
    headers: HeaderList,
    body: string,
    timeoutS: number,
    signal?: AbortSignal,
  ): Promise<{ status: number; headers: HeaderList; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const h: Record<string, string> = Object.fromEntries(headers);
      h['content-type'] = 'application/json';
      h['content-length'] = String(Buffer.byteLength(body));
      const req = httpRequest(url, { method: 'POST', agent: this.agent, headers: h, signal });
      const timer = setTimeout(
        () => req.destroy(new CallFailure(408, 'timeout')),
        Math.max(0, timeoutS * 1000),
      );
      const done = () => clearTimeout(timer);
      req.on('error', (err) => {
        done();
        reject(err);
      });
      req.on('response', (res: IncomingMessage) => {
        readBody(res, this.maxResponseBytes).then(
          (received) => {
            done();
            const pairs: HeaderList = [];
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
              pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
            resolve({ status: res.statusCode ?? 0, headers: pairs, body: received });
          },
          (err: unknown) => {
            if (err instanceof BodyTooLargeError)
              // Destroying the request reports through its 'error' handler above.
              req.destroy(
                new CallFailure(400, `Payload error: response over ${this.maxResponseBytes} bytes`),
              );
            else {
              done();
              reject(err instanceof BodyAbortedError ? err.cause : err);
            }
          },
        );
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `http://ip:port/Name`, IPv6 literals bracketed (the SDK does not; spec §1). */
export function axonUrl(target: AxonTarget, name: string): string {
  const host = target.ip.includes(':') && !target.ip.startsWith('[') ? `[${target.ip}]` : target.ip;
  return `http://${host}:${target.port}/${name}`;
}

export const isSuccess = (s: { dendrite: TerminalInfo }): boolean => s.dendrite.status_code === 200;

/** The SDK's `process_server_response`. Throws (→ 422) where the SDK's would. */
function mergeResponse<D extends SynapseDefinition>(
  def: D,
  local: SynapseOf<D>,
  status: number,
  headers: HeaderList,
  raw: Buffer,
): void {
  const contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    throw new CallFailure(
      422,
      `Failed to parse response: unexpected content type ${JSON.stringify(contentType)}`,
    );
  }
  let json;
  try {
    json = parsePyJson(STRICT_UTF8.decode(raw));
  } catch (err) {
    throw new CallFailure(
      422,
      `Failed to parse response: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (status === 200) {
    try {
      const server = parseSynapseJson(def, json) as Record<string, unknown>;
      const target = local as Record<string, unknown>;
      for (const key of Object.keys(server)) {
        if (key === 'computed_body_hash' || def.fields[key]?.frozen) continue;
        target[key] = server[key];
      }
    } catch {
      // the SDK keeps the local synapse when the reply does not validate
    }
  } else {
    if (!(json instanceof Map))
      throw new CallFailure(422, "Failed to parse response: 'list' object has no attribute 'get'");
    local.axon.status_code = status;
    const message = json.get('message');
    local.axon.status_message = message === undefined || message === null ? null : pyStr(message);
  }
  let server;
  try {
    server = fromHeaders(
      BaseSynapse,
      headers.map(([k, v]) => [k, v] as [string, string]),
    );
  } catch (err) {
    throw new CallFailure(
      422,
      `Failed to parse response: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  for (const [k, v] of Object.entries(server.dendrite))
    if (v !== null) (local.dendrite as Record<string, unknown>)[k] = v;
  for (const [k, v] of Object.entries(server.axon))
    if (v !== null) (local.axon as Record<string, unknown>)[k] = v;
  local.dendrite.status_code = local.axon.status_code;
  local.dendrite.status_message = local.axon.status_message;
}

function toFailure(err: unknown, s: SynapseOf<SynapseDefinition>, name: string): CallFailure {
  if (err instanceof CallFailure) {
    if (err.status === 408) return new CallFailure(408, `Request timeout after ${pyStr(s.timeout)} seconds`);
    return err;
  }
  const e = err as NodeJS.ErrnoException;
  const where = `${s.axon.ip}:${s.axon.port}/${name}`;
  if (e?.name === 'AbortError')
    return new CallFailure(408, `Request timeout after ${pyStr(s.timeout)} seconds`);
  if (
    ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(
      e?.code ?? '',
    )
  ) {
    return new CallFailure(503, `Service unavailable at ${where}`);
  }
  if (e?.code === 'ECONNRESET' || e?.code === 'EPIPE' || e?.message === 'socket hang up') {
    return new CallFailure(503, `Service disconnected: ${e.message}`);
  }
  if (e?.code?.startsWith('HPE_')) return new CallFailure(400, `Payload error: ${e.message}`);
  return new CallFailure(422, `Failed to parse response: ${e instanceof Error ? e.message : String(err)}`);
}
