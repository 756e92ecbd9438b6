/**
 * Adapter for native Groth16 provers with the rapidsnark command line
 * (`<prover> <circuit.zkey> <witness.wtns> <proof.json> <public.json>`), e.g. rapidsnark or icicle-snark.
 *
 *   const found = await detectNativeGroth16(RAPIDSNARK, { configuredPath, dirs: [dataPaths().bin] });
 *   if (found.prover) await found.prover.prove({ zkeyPath, wtnsPath }, { timeoutMs, signal, onProgress });
 *   else log(found.reason);        // the caller falls back to the JS pool
 *
 * Progress: any output line containing "<n>%" is reported as a percentage.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { NativeToolError } from '../errors.js';
import type { Groth16Proof } from '../worker/jobs.js';
import { bundledBinDir, locateExecutable } from './locate.js';
import { runTool } from './run-tool.js';
import { compareVersions, parseVersion } from './version.js';

export interface NativeGroth16Spec {
  /** Display name, also the key of `settings.prover.nativePaths`. */
  name: string;
  /** Executable file name searched for (without .exe). */
  executable: string;
  versionArgs: string[];
  minVersion: string;
}

export const RAPIDSNARK: NativeGroth16Spec = {
  name: 'rapidsnark',
  executable: 'prover',
  versionArgs: ['--version'],
  minVersion: '0.0.7',
};
export const ICICLE_SNARK: NativeGroth16Spec = {
  name: 'icicle-snark',
  executable: 'icicle-snark',
  versionArgs: ['--version'],
  minVersion: '0.1.0',
};

const ProofSchema = z.object({
  pi_a: z.array(z.string()),
  pi_b: z.array(z.array(z.string())),
  pi_c: z.array(z.string()),
  protocol: z.string(),
  curve: z.string().optional(),
});

export interface NativeProveOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
}

export class NativeGroth16Prover {
  constructor(
    readonly spec: NativeGroth16Spec,
    readonly path: string,
    readonly version: string,
  ) {}

  async prove(
    files: { zkeyPath: string; wtnsPath: string },
    options: NativeProveOptions = {},
  ): Promise<{ proof: Groth16Proof; publicSignals: string[] }> {
    const dir = mkdtempSync(join(tmpdir(), `sn2-${this.spec.name}-`));
    try {
      const proofPath = join(dir, 'proof.json');
      const publicPath = join(dir, 'public.json');
      const result = await runTool(
        this.spec.name,
        this.path,
        [files.zkeyPath, files.wtnsPath, proofPath, publicPath],
        {
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          onLine: (line) => {
            const m = /(\d+(?:\.\d+)?)\s*%/.exec(line);
            if (m) options.onProgress?.(Number(m[1]));
          },
        },
      );
      if (result.code !== 0) {
        const last = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
        throw new NativeToolError(
          this.spec.name,
          `exited with code ${result.code}${last ? `: ${last}` : ''}`,
        );
      }
      try {
        const proof = ProofSchema.parse(JSON.parse(readFileSync(proofPath, 'utf8')));
        const publicSignals = z.array(z.string()).parse(JSON.parse(readFileSync(publicPath, 'utf8')));
        return { proof: { ...proof, curve: proof.curve ?? 'bn128' }, publicSignals };
      } catch (err) {
        throw new NativeToolError(this.spec.name, `wrote an unreadable proof: ${(err as Error).message}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export type DetectResult =
  { prover: NativeGroth16Prover; reason?: undefined } | { prover: null; reason: string };

/** Find the executable (configured path, extra dirs, resources/bin/<platform>-<arch>/) and check its version. */
export async function detectNativeGroth16(
  spec: NativeGroth16Spec,
  options: { configuredPath?: string; dirs?: string[] } = {},
): Promise<DetectResult> {
  const path = locateExecutable(spec.executable, {
    configuredPath: options.configuredPath,
    dirs: [...(options.dirs ?? []), bundledBinDir()],
    searchPath: false,
  });
  if (!path) {
    return {
      prover: null,
      reason: options.configuredPath
        ? `${spec.name}: configured path ${options.configuredPath} is not an executable file`
        : `${spec.name}: not installed`,
    };
  }
  try {
    const out = await runTool(spec.name, path, spec.versionArgs, { timeoutMs: 10_000 });
    const version = parseVersion(`${out.stdout}\n${out.stderr}`);
    if (out.code !== 0 || !version)
      return { prover: null, reason: `${spec.name} at ${path}: no version reported` };
    if (compareVersions(version, spec.minVersion) < 0) {
      return {
        prover: null,
        reason: `${spec.name} ${version} at ${path} is older than the required ${spec.minVersion}`,
      };
    }
    return { prover: new NativeGroth16Prover(spec, path, version) };
  } catch (err) {
    return { prover: null, reason: (err as Error).message };
  }
}
