import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Reject } from './axon-reject.js';
import { toHeaders, type HeaderList } from './headers.js';
import { dumpPyJson, STARLETTE_RESPONSE } from './py-json.js';
import {
  BaseSynapse,
  createSynapse,
  synapseToPy,
  type SynapseDefinition,
  type SynapseOf,
} from './synapse.js';

const VALID_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The forward's reply as the SDK sends it: status (default 200 "Success"), process_time, headers. */
export function sendSuccess(
  res: ServerResponse,
  def: SynapseDefinition,
  synapse: SynapseOf<SynapseDefinition>,
  t0: number,
): void {
  const status = synapse.axon.status_code ?? 200;
  synapse.axon.status_code = status;
  if (status === 200 && !synapse.axon.status_message) synapse.axon.status_message = 'Success';
  synapse.axon.process_time = (performance.now() - t0) / 1000;
  let body: string;
  let headers: HeaderList;
  try {
    if (!Number.isInteger(status) || status < 100 || status > 999)
      throw new Error(`invalid status code ${status}`);
    body = dumpPyJson(synapseToPy(def, synapse), STARLETTE_RESPONSE);
    headers = toHeaders(def, synapse, { headerSize: '0', totalSize: String(synapse.total_size ?? 0) });
  } catch (err) {
    throw new Reject(500, '', err);
  }
  writeResponse(res, status, headers, body, false);
}

/** A refusal: `{"message"}` body, the header synapse (or a bare one) with the status in its headers. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  def: SynapseDefinition,
  headerSynapse: SynapseOf<SynapseDefinition> | null,
  t0: number,
  close: boolean,
): void {
  if (res.headersSent || res.destroyed) return;
  const synapse = headerSynapse ?? createSynapse(BaseSynapse, {});
  synapse.axon.status_code = status;
  synapse.axon.status_message = message;
  synapse.axon.process_time = (performance.now() - t0) / 1000;
  let headers: HeaderList;
  try {
    headers = toHeaders(headerSynapse ? def : BaseSynapse, synapse);
  } catch {
    headers = [];
  }
  writeResponse(res, status, headers, dumpPyJson(new Map([['message', message]]), STARLETTE_RESPONSE), close);
}

/** Answer a request Node could not parse (bad framing, header overflow, slow headers) and close. */
export function rejectMalformed(socket: Duplex, code: string | undefined): number {
  const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  if (socket.writable && code !== 'ECONNRESET') {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  } else {
    socket.destroy();
  }
  return status;
}

function writeResponse(
  res: ServerResponse,
  status: number,
  headers: HeaderList,
  body: string,
  close: boolean,
): void {
  if (res.headersSent || res.destroyed) return;
  const buf = Buffer.from(body, 'utf8');
  const out: Record<string, string> = {};
  for (const [k, v] of headers) if (VALID_HEADER_VALUE.test(v)) out[k] = v;
  out['content-type'] = 'application/json';
  out['content-length'] = String(buf.length);
  if (close) out.connection = 'close';
  res.writeHead(status, out);
  res.end(buf);
}
