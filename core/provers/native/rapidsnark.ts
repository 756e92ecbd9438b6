/**
 * iden3 rapidsnark's `prover` CLI, as the vendored build behaves (shared/vendor/rapidsnark/README.md):
 *
 *   prover <circuit.zkey> <witness.wtns> <proof.json> <public.json>
 *
 * Exactly four arguments, no options, no version string: any other argument count prints
 * "Invalid number of parameters" and the usage line on stderr and exits 1. Success is exit 0 with no
 * output; failure is exit 1 with one "Error: …" line. An unwritable output path also exits 0 (checked by
 * `readProofFiles`), and a corrupted zkey can crash it with SIGSEGV. It runs one thread per online CPU and
 * ignores OMP_NUM_THREADS: `libnprocs_shim.so` (built beside it) caps that through RAPIDSNARK_NPROCS.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NativeToolCrashError, NativeToolError } from '../errors.js';
import { lastLine, runTool } from './run-tool.js';
import { readProofFiles, type NativeGroth16, type NativeProveOptions } from './native-groth16.js';

export const RAPIDSNARK_EXECUTABLE = 'prover';
export const RAPIDSNARK_USAGE = 'Usage: prover <circuit.zkey> <witness.wtns> <proof.json> <public.json>';
export const NPROCS_SHIM = 'libnprocs_shim.so';

export class Rapidsnark implements NativeGroth16 {
  readonly name = 'rapidsnark';
  /** The thread-cap shim beside the binary (Linux builds from the vendored script), or null. */
  readonly shimPath: string | null;

  constructor(readonly path: string) {
    const shim = join(dirname(path), NPROCS_SHIM);
    this.shimPath = process.platform === 'linux' && existsSync(shim) ? shim : null;
  }

  async prove(files: { zkeyPath: string; wtnsPath: string }, options: NativeProveOptions = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-rapidsnark-'));
    try {
      const proofPath = join(dir, 'proof.json');
      const publicPath = join(dir, 'public.json');
      const r = await runTool(this.name, this.path, [files.zkeyPath, files.wtnsPath, proofPath, publicPath], {
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        env: this.threadEnv(options.threads),
      });
      if (r.signal) throw new NativeToolCrashError(this.name, r.signal);
      if (r.code !== 0) {
        const line = lastLine(r);
        throw new NativeToolError(
          this.name,
          line ? line.replace(/^Error: /, '') : `exited with code ${r.code}`,
        );
      }
      return readProofFiles(this.name, proofPath, publicPath);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private threadEnv(threads: number | undefined): NodeJS.ProcessEnv | undefined {
    if (!this.shimPath || !threads) return undefined;
    const preload = process.env.LD_PRELOAD;
    return {
      LD_PRELOAD: preload ? `${this.shimPath}:${preload}` : this.shimPath,
      RAPIDSNARK_NPROCS: String(Math.max(1, Math.floor(threads))),
    };
  }

  async close(): Promise<void> {}
}

/**
 * Whether `path` behaves like rapidsnark's prover with no arguments (exit 1, the usage line): null when
 * it does, else why not. This never proves anything; the self-test does.
 */
export async function checkRapidsnarkUsage(path: string): Promise<string | null> {
  const r = await runTool('rapidsnark', path, [], { timeoutMs: 10_000 });
  if (r.signal) return new NativeToolCrashError('rapidsnark', r.signal).message;
  if (r.code === 1 && r.stderr.includes(RAPIDSNARK_USAGE)) return null;
  const said = lastLine(r);
  return `${path} is not rapidsnark's prover: run with no arguments it exited with code ${r.code}${said ? ` ("${said.slice(0, 120)}")` : ''} instead of printing its usage line`;
}
