/**
 * What an sn2-miner binary is, found without letting it do anything (spec sn2-2026.md §2.1, §2.2, §2.5):
 *   1. `<bin> --help` must exit 0 (the smoke test); a dynamic-loader error means a missing system library.
 *   2. Its version: there is no `--version` (clap exits 2); the only report is the first log line
 *      `sn2-miner version="X"`, written before the miner touches a wallet, the chain or the network.
 *      So the binary is started in `--loopback` mode with `--no-auto-update`, an empty temporary HOME,
 *      wallet path and circuit cache, and is SIGKILLed the moment that line appears.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReleaseVerificationError } from './errors.js';

export interface BinaryReport {
  version: string;
  /** The multi-miner variant (`--miner` in its help; spec §7 item 2). */
  multiMiner: boolean;
}

/** What one `sn2-miner` binary accepts, read from its `--help` (spec §2.5 "variant detection"). */
export interface EngineHelp {
  /** Long flags the help lists, e.g. `--axon-port`. */
  flags: Set<string>;
  /** The multi-miner variant (`--miner` listed). */
  multiMiner: boolean;
}

export function parseEngineHelp(text: string): EngineHelp {
  const flags = new Set([...text.matchAll(/(?:^|[\s,[])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]));
  return { flags, multiMiner: flags.has('--miner') };
}

const MAX_CAPTURE = 64 * 1024;
const ANSI = /\x1b\[[0-9;]*m/g;
const VERSION_LINE = /\bsn2-miner version="([^"]+)"/;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  matched?: string;
}

/** Run without a shell; stop it (SIGKILL) after `timeoutMs` or as soon as stdout matches `until`. */
function run(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  until?: RegExp,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      windowsHide: true,
    });
    const out = { stdout: '', stderr: '' };
    let matched: string | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      out[stream] = (out[stream] + chunk.toString('utf8')).slice(0, MAX_CAPTURE);
      if (stream === 'stdout' && until && matched === undefined) {
        const m = until.exec(out.stdout.replace(ANSI, ''));
        if (m) {
          matched = m[1];
          child.kill('SIGKILL');
        }
      }
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new ReleaseVerificationError(`${path} cannot be run here: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ...out, ...(matched !== undefined ? { matched } : {}) });
    });
  });
}

function loaderProblem(stderr: string): string | null {
  if (/libssl\.so\.3|libcrypto\.so\.3/.test(stderr))
    return 'it needs OpenSSL 3 (libssl.so.3), which this system lacks: install OpenSSL 3 (Debian/Ubuntu: "sudo apt install libssl3", Fedora: "sudo dnf install openssl-libs") and try again';
  if (/GLIBC_\d/.test(stderr)) return 'it needs a newer C library (glibc 2.35 or later, e.g. Ubuntu 22.04+)';
  if (/error while loading shared libraries|Library not loaded|dyld/.test(stderr))
    return `a system library is missing: ${firstLine(stderr)}`;
  return null;
}

const firstLine = (text: string): string => text.replace(ANSI, '').trim().split('\n')[0] ?? '';

/** Exit 0 on `--help`, or a `ReleaseVerificationError` saying why it does not run. Returns the help text. */
export async function smokeTest(path: string, timeoutMs = 30_000): Promise<string> {
  const r = await run(path, ['--help'], { ...process.env, NO_COLOR: '1' }, timeoutMs);
  if (r.code === 0) return r.stdout + r.stderr;
  const problem = loaderProblem(r.stderr);
  const why =
    problem ??
    (r.signal
      ? `it was stopped by ${r.signal}${r.signal === 'SIGKILL' ? ` (no answer within ${timeoutMs / 1000} s)` : ''}`
      : `"--help" exited with code ${r.code}: ${firstLine(r.stderr) || firstLine(r.stdout) || 'no output'}`);
  throw new ReleaseVerificationError(`${path} does not run here: ${why}`);
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

/** Smoke-test `path`, then read its version from its first log line (see the file comment). */
export async function probeBinary(path: string, timeoutMs = 30_000): Promise<BinaryReport> {
  const help = parseEngineHelp(await smokeTest(path, timeoutMs));
  for (const flag of [
    '--loopback',
    '--no-auto-update',
    '--circuit-cache-dir',
    '--wallet-path',
    '--axon-port',
  ])
    if (!help.flags.has(flag))
      throw new ReleaseVerificationError(
        `${path} is not an sn2-miner the app can run: its --help does not list ${flag}`,
      );
  const scratch = mkdtempSync(join(tmpdir(), 'sn2-engine-probe-'));
  try {
    const args = ['--loopback', '--no-auto-update', '--axon-port', String(await freeUdpPort())];
    if (help.flags.has('--axon-host')) args.push('--axon-host', '127.0.0.1');
    args.push(
      '--wallet-path',
      join(scratch, 'wallets'),
      '--circuit-cache-dir',
      join(scratch, 'circuit_cache'),
    );
    const { SN2_CIRCUIT_CACHE_DIR: _cache, ...inherited } = process.env;
    const env = { ...inherited, NO_COLOR: '1', RUST_LOG: 'info', HOME: scratch };
    const r = await run(path, args, env, timeoutMs, VERSION_LINE);
    if (r.matched === undefined)
      throw new ReleaseVerificationError(
        `${path} did not report its version (no "sn2-miner version=" line${r.signal ? ` within ${timeoutMs / 1000} s` : `; it exited with code ${r.code}: ${firstLine(r.stderr) || 'no output'}`})`,
      );
    return { version: r.matched, multiMiner: help.multiMiner };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
