/**
 * A loopback HTTP file server for download tests: serves named bodies with Range support (so resume
 * is real), records every request, and can misbehave once (a cut transfer, a one-off other body).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  base: string;
  /** Requests seen: path and Range header. */
  hits: Array<{ path: string; range?: string }>;
  /** Serve `body` at `/<name>`. */
  put(name: string, body: Buffer): void;
  /** Serve `body` at `/<name>` to the next request only (e.g. a corrupt copy). */
  putOnce(name: string, body: Buffer): void;
  /** The next response (of `/<name>` when given) is cut after `n` bytes (an interrupted download). */
  cutNextAfter(n: number, name?: string): void;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Buffer>();
  const once = new Map<string, Buffer>();
  const hits: FileServer['hits'] = [];
  let cut: { n: number; name?: string } | null = null;
  const server: Server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', ...(req.headers.range ? { range: req.headers.range } : {}) });
    const name = (req.url ?? '').slice(1);
    const body = once.get(name) ?? files.get(name);
    once.delete(name);
    if (!body) return void res.writeHead(404).end();
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m ? Number(m[1]) : 0;
    const chunk = body.subarray(start);
    res.writeHead(m ? 206 : 200, {
      'content-length': chunk.length,
      ...(m ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (cut !== null && (cut.name === undefined || cut.name === name)) {
      const { n } = cut;
      cut = null;
      res.write(chunk.subarray(0, n), () => res.destroy());
      return;
    }
    res.end(chunk);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    put: (name, body) => void files.set(name, body),
    putOnce: (name, body) => void once.set(name, body),
    cutNextAfter: (n, name) => void (cut = { n, ...(name !== undefined ? { name } : {}) }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
