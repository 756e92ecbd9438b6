import { createHash, type Hash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  fsyncSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import { ChecksumMismatchError, DownloadError, FileTooLargeError } from './download-errors.js';

export interface DownloadProgress {
  file: string;
  /** Bytes on disk so far, including a resumed part. */
  done: number;
  total?: number;
}

export interface DownloadOptions {
  /** Pinned lower-case hex SHA-256; the file is rejected (and the part removed) on mismatch. */
  sha256?: string | null;
  /** Exact size when known; a different size is rejected. */
  expectedBytes?: number | null;
  /** Hard limit: the transfer is aborted as soon as it would exceed it. */
  maxBytes: number;
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Abort when no byte arrives for this long (default 60 s). Large keys take minutes overall. */
  idleTimeoutMs?: number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  resumedFrom: number;
}

/**
 * Download `url` to `dest` atomically: bytes go to `dest.part`, a later call resumes it with an HTTP
 * Range request, and only a complete file with the right size and hash is renamed onto `dest`.
 */
export async function downloadFile(
  url: string,
  dest: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const part = `${dest}.part`;
  const name = basename(dest);
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });

  let offset = existsSync(part) ? statSync(part).size : 0;
  if (offset > options.maxBytes) {
    unlinkSync(part);
    offset = 0;
  }
  const idle = new IdleAbort(options.idleTimeoutMs ?? 60_000, options.signal);
  try {
    let response = await fetchFrom(url, offset, idle.signal);
    if (offset > 0 && response.status === 416) {
      // The part is no prefix the server recognises: start over.
      await response.body?.cancel();
      unlinkSync(part);
      offset = 0;
      response = await fetchFrom(url, 0, idle.signal);
    }
    if (response.status === 200 && offset > 0) offset = 0; // server ignored Range: restart
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DownloadError(`${name}: HTTP ${response.status} from ${url}`, response.status >= 500);
    }
    if (response.status === 206 && rangeStart(response) !== offset) {
      await response.body.cancel();
      throw new DownloadError(`${name}: server resumed at the wrong offset`, true);
    }

    const length = Number(response.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(length) ? offset + length : (options.expectedBytes ?? undefined);
    if (total !== undefined && total > options.maxBytes) {
      await response.body.cancel();
      throw new FileTooLargeError(name, options.maxBytes);
    }

    const hash = createHash('sha256');
    if (offset > 0) await hashPrefix(part, hash);
    const fd = openSync(part, offset > 0 ? 'a' : 'w', 0o600);
    let done = offset;
    try {
      options.onProgress?.({ file: name, done, total });
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        idle.touch();
        done += chunk.length;
        if (done > options.maxBytes) throw new FileTooLargeError(name, options.maxBytes);
        let off = 0;
        while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
        hash.update(chunk);
        options.onProgress?.({ file: name, done, total });
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }

    const digest = hash.digest('hex');
    if (options.expectedBytes != null && done !== options.expectedBytes) {
      unlinkSync(part);
      throw new DownloadError(`${name}: got ${done} bytes, expected ${options.expectedBytes}`, true);
    }
    if (options.sha256 && digest !== options.sha256) {
      unlinkSync(part);
      throw new ChecksumMismatchError(name, options.sha256, digest);
    }
    renameSync(part, dest);
    return { path: dest, bytes: done, sha256: digest, resumedFrom: response.status === 206 ? offset : 0 };
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (idle.timedOut) throw new DownloadError(`${name}: no data for ${idle.ms / 1000} s from ${url}`, true);
    if (options.signal?.aborted) throw options.signal.reason ?? err;
    throw new DownloadError(`${name}: download from ${url} failed: ${(err as Error).message}`, true, {
      cause: err,
    });
  } finally {
    idle.dispose();
  }
}

function fetchFrom(url: string, offset: number, signal: AbortSignal): Promise<Response> {
  return fetch(url, {
    headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    signal,
    redirect: 'follow',
  });
}

function rangeStart(response: Response): number {
  const m = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
  return m ? Number(m[1]) : -1;
}

async function hashPrefix(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}

/** An AbortSignal that fires after `ms` without `touch()`, or when the caller's signal aborts. */
class IdleAbort {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout;
  timedOut = false;
  readonly signal: AbortSignal;
  private readonly onOuterAbort = () => this.controller.abort(this.outer?.reason);

  constructor(
    readonly ms: number,
    private readonly outer?: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    this.timer = this.arm();
    if (outer?.aborted) this.controller.abort(outer.reason);
    outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  private arm(): NodeJS.Timeout {
    return setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error('idle timeout'));
    }, this.ms);
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = this.arm();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
