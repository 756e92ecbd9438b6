import { spawn } from 'node:child_process';

/** What one `sn2-miner` binary accepts, read from its `--help` (spec sn2-2026.md §2.5 "variant detection"). */
export interface EngineHelp {
  /** Long flags the help lists, e.g. `--axon-port`. */
  flags: Set<string>;
  /** The multi-miner variant (`--miner` listed). */
  multiMiner: boolean;
}

export class EngineProbeError extends Error {
  override readonly name = 'EngineProbeError';
}

export function parseEngineHelp(text: string): EngineHelp {
  const flags = new Set([...text.matchAll(/(?:^|[\s,[])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]));
  return { flags, multiMiner: flags.has('--miner') };
}

/**
 * Run `<bin> --help` (spawned without a shell, 15 s limit): exit 0 and a flag list, or an error that says
 * why, e.g. a missing libssl.so.3 (§2.1 smoke test).
 */
export function probeEngineHelp(binary: string, timeoutMs = 15_000): Promise<EngineHelp> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const child = spawn(binary, ['--help'], {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const cap = (s: string, chunk: Buffer) => (s.length < 256 * 1024 ? s + chunk.toString() : s);
    child.stdout.on('data', (c: Buffer) => (out = cap(out, c)));
    child.stderr.on('data', (c: Buffer) => (err = cap(err, c)));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new EngineProbeError(`cannot run ${binary}: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const firstErr = err.split('\n').find((l) => l.trim()) ?? '';
      if (/error while loading shared libraries/.test(err))
        return reject(
          new EngineProbeError(`${binary} cannot run: ${firstErr.trim()} (install OpenSSL 3: libssl3)`),
        );
      if (code !== 0)
        return reject(
          new EngineProbeError(
            `${binary} --help ${signal ? `was killed (${signal})` : `exited with ${code}`}${firstErr ? `: ${firstErr.trim()}` : ''}: is it sn2-miner?`,
          ),
        );
      const help = parseEngineHelp(out);
      if (!help.flags.has('--axon-port'))
        return reject(new EngineProbeError(`${binary} --help lists no --axon-port: it is not an sn2-miner`));
      resolve(help);
    });
  });
}
