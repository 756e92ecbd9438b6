import type { IncomingMessage } from 'node:http';
import { BodyAbortedError, BodyTooLargeError, readBody } from '../../util/read-body.js';
import { ClientGone, Reject } from './axon-reject.js';
import type { HeaderList } from './headers.js';

/** First path segment, percent-decoded (Starlette's `request.url.path.split("/")[1]`). */
export function routeName(url: string): string {
  const path = url.split('?')[0];
  const seg = path.startsWith('/') ? (path.split('/')[1] ?? '') : '';
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** Node's raw header list as lower-cased pairs, duplicates kept in order. */
export function headerPairs(raw: string[]): HeaderList {
  const out: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i].toLowerCase(), raw[i + 1]]);
  return out;
}

/** The request body, as the axon's failures: 413 over `max`, ClientGone when the peer hung up. */
export async function readRequestBody(req: IncomingMessage, max: number): Promise<Buffer> {
  try {
    return await readBody(req, max);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new Reject(413, `Request body over ${max} bytes`);
    if (err instanceof BodyAbortedError) throw new ClientGone();
    throw err;
  }
}
