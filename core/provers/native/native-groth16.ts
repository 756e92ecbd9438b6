/**
 * What a native Groth16 prover (rapidsnark, icicle-snark) offers the proving engine: prove a witness
 * file with a zkey, in a private temp dir, and give back a snarkjs-shaped proof.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NativeToolError } from '../errors.js';
import type { Groth16Proof } from '../worker/jobs.js';

export type NativeProverName = 'rapidsnark' | 'icicle-snark';
export type Groth16ProverName = 'snarkjs' | NativeProverName;
export const GROTH16_PROVERS: readonly Groth16ProverName[] = ['snarkjs', 'rapidsnark', 'icicle-snark'];

export interface NativeProveOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** CPU threads it may use (rapidsnark's thread cap); ignored by GPU provers. */
  threads?: number;
}

export interface NativeGroth16 {
  readonly name: NativeProverName;
  readonly path: string;
  prove(
    files: { zkeyPath: string; wtnsPath: string },
    options?: NativeProveOptions,
  ): Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
  /** Ends any long-lived process. */
  close(): Promise<void>;
}

const Decimal = z.string().regex(/^\d+$/, 'not a decimal field element');
const ProofSchema = z.object({
  pi_a: z.array(Decimal).length(3),
  pi_b: z.array(z.array(Decimal).length(2)).length(3),
  pi_c: z.array(Decimal).length(3),
  protocol: z.literal('groth16'),
  curve: z.string().optional(),
});

/**
 * The proof and public signals a tool wrote. rapidsnark exits 0 without writing anything when an output
 * path is unwritable (vendor README), so a missing or unreadable file is the tool's failure, not a proof.
 * rapidsnark writes no `curve`; snarkjs' `"bn128"` is added so the wire text matches snarkjs'.
 */
export function readProofFiles(
  tool: NativeProverName,
  proofPath: string,
  publicPath: string,
): { proof: Groth16Proof; publicSignals: string[] } {
  try {
    const proof = ProofSchema.parse(JSON.parse(readFileSync(proofPath, 'utf8')));
    const publicSignals = z.array(Decimal).parse(JSON.parse(readFileSync(publicPath, 'utf8')));
    return { proof: { ...proof, curve: proof.curve ?? 'bn128' }, publicSignals };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no proof file was written' : `unreadable proof: ${e.message}`;
    throw new NativeToolError(tool, `reported success but ${why}`);
  }
}
