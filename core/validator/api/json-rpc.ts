import {
  isPyDict,
  parsePyJson,
  PyJsonError,
  toPlain,
  type PyDict,
  type PyValue,
} from '../../bittensor/wire/index.js';

/** JSON-RPC 2.0 error codes, plus upstream's code 9 for a request that could not be served. */
export const RpcCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** Server-defined range: the caller is over its rate or the queue is full. */
  tooManyRequests: -32000,
  processingFailed: 9,
} as const;

export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }
}

export type RpcId = string | number | null;

export interface RpcCall {
  /** Absent for a notification (no reply is sent). */
  id: RpcId | undefined;
  method: string;
  /** By-name params as Python sees them (key order, int vs float), for the request hash. */
  params: PyDict;
}

export type RpcResponse =
  | { jsonrpc: '2.0'; id: RpcId; result: unknown }
  | { jsonrpc: '2.0'; id: RpcId; error: { code: number; message: string; data?: string } };

/** Each batch element is a call to run, an error to send back as is, or a bad notification (no reply allowed). */
export type RpcItem = { call: RpcCall } | { reply: RpcResponse } | { ignored: string };

export const errorResponse = (id: RpcId, err: RpcError): RpcResponse => ({
  jsonrpc: '2.0',
  id,
  error: { code: err.code, message: err.message, ...(err.data === undefined ? {} : { data: err.data }) },
});

/** Parse one text frame: a single request or a batch (at most `maxBatch` elements). */
export function parseRpcFrame(text: string, maxBatch: number): { batch: boolean; items: RpcItem[] } {
  let doc: PyValue;
  try {
    doc = parsePyJson(text);
  } catch (err) {
    const detail = err instanceof PyJsonError ? err.message : 'invalid JSON';
    return {
      batch: false,
      items: [{ reply: errorResponse(null, new RpcError(RpcCode.parseError, 'Parse error', detail)) }],
    };
  }
  if (!Array.isArray(doc)) return { batch: false, items: [toItem(doc)] };
  const list = doc as readonly PyValue[];
  if (list.length === 0 || list.length > maxBatch) {
    const why = list.length === 0 ? 'empty batch' : `batch of ${list.length} (limit ${maxBatch})`;
    return {
      batch: false,
      items: [{ reply: errorResponse(null, new RpcError(RpcCode.invalidRequest, 'Invalid Request', why)) }],
    };
  }
  return { batch: true, items: list.map(toItem) };
}

function toItem(v: PyValue): RpcItem {
  const invalid = (id: RpcId, why: string): RpcItem => ({
    reply: errorResponse(id, new RpcError(RpcCode.invalidRequest, 'Invalid Request', why)),
  });
  if (!isPyDict(v)) return invalid(null, 'a request must be a JSON object');
  const field = (k: string) => v.get(k);
  const hasId = v.has('id');
  const idValue = hasId ? toPlain(v.get('id') as PyValue) : undefined;
  const id: RpcId | undefined =
    idValue === null ||
    typeof idValue === 'string' ||
    (typeof idValue === 'number' && Number.isFinite(idValue))
      ? idValue
      : undefined;
  if (hasId && id === undefined) return invalid(null, 'id must be a string, a number or null');
  if (field('jsonrpc') !== '2.0') return invalid(id ?? null, 'jsonrpc must be "2.0"');
  const method = field('method');
  if (typeof method !== 'string') return invalid(id ?? null, 'method must be a string');
  const params = field('params');
  if (params !== undefined && !isPyDict(params)) {
    if (id === undefined) return { ignored: `notification ${method} with positional params` };
    const reply = errorResponse(
      id ?? null,
      new RpcError(RpcCode.invalidParams, 'Invalid params', 'params must be an object of named parameters'),
    );
    return { reply };
  }
  return { call: { id, method, params: params ?? new Map() } };
}
