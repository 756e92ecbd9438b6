import { DEFAULT_PROOF_SIZE } from '../../sn2/constants.js';
import { proofSize, type ParsedProof } from './proof-size.js';

/** Verifies a miner's proof against the input the validator sent (§6: public values pinned). */
export type ProofVerifier = (args: {
  circuitId: string;
  proof: ParsedProof;
  publicSignals: unknown;
  expectedInput: Record<string, unknown>;
}) => Promise<boolean>;

/** What came back from the dendrite: the deserialised synapse (§8.6 step 1), or nothing on failure. */
export interface RawResponse {
  /** `query_output` (string or null) for QueryZkProof; `{inputs, proof, public_signals}` for ProofOfWeights. */
  deserialized: unknown;
  /** Dendrite `process_time` in seconds; undefined on transport errors and timeouts. */
  processTime: number | undefined;
  ok: boolean;
}

export interface ProcessedResponse {
  verified: boolean;
  /** Seconds; the circuit's maximum response time when not verified (§8.6 step 6). */
  responseTime: number;
  proofSize: number;
  /** Parsed proof and public signals (for the API waiter and publishing), when present. */
  proof?: ParsedProof;
  publicSignals?: unknown;
  /** Why it is not verified, for the proof log. */
  failure?: string;
  verifyMs?: number;
}

export interface ProcessOptions {
  circuitId: string;
  proofSystem: string;
  expectedInput: Record<string, unknown>;
  timeoutSeconds: number;
  /** The circuit's current `maximum_response_time` (§9.2), read before this response is recorded. */
  maximumResponseTime: number;
  verify: ProofVerifier;
}

const HEX_ONLY = /^[0-9a-fA-F]*$/;

/** §8.6 steps 1–6: parse, size and verify one response exactly as an SN2 v10 validator does. */
export async function processResponse(raw: RawResponse, o: ProcessOptions): Promise<ProcessedResponse> {
  const unverified = (failure: string, extra: Partial<ProcessedResponse> = {}): ProcessedResponse => ({
    verified: false,
    responseTime: o.maximumResponseTime,
    proofSize: DEFAULT_PROOF_SIZE,
    failure,
    ...extra,
  });
  if (!raw.ok || raw.processTime === undefined) return unverified('no response');
  let d = raw.deserialized;
  if (typeof d === 'string' || d === null || d === undefined) {
    try {
      d = JSON.parse(String(d));
    } catch {
      return unverified(typeof d === 'string' && d ? `miner answered "${truncate(d)}"` : 'empty response');
    }
  }
  if (!d || typeof d !== 'object' || Array.isArray(d)) return unverified('response is not an object');
  const body = d as Record<string, unknown>;
  let proof: ParsedProof;
  let publicSignals: unknown;
  try {
    const rawProof = body.proof ?? '{}';
    proof =
      typeof rawProof === 'string' && !HEX_ONLY.test(rawProof)
        ? (JSON.parse(rawProof) as ParsedProof)
        : (rawProof as ParsedProof);
    const rawPublic = body.public_signals ?? '[]';
    publicSignals = typeof rawPublic === 'string' && rawPublic !== '' ? JSON.parse(rawPublic) : rawPublic;
  } catch {
    return unverified('proof or public signals are not valid JSON');
  }
  const size = proofSize(proof, o.proofSystem);
  const empty =
    proof === '' || proof === null || (typeof proof === 'object' && Object.keys(proof).length === 0);
  const hasPublic = publicSignals !== '' && publicSignals !== null && publicSignals !== undefined;
  if (empty || !hasPublic) return unverified('no proof in the response', { proof, publicSignals });
  const started = performance.now();
  let verified = false;
  let failure: string | undefined;
  try {
    verified = await o.verify({
      circuitId: o.circuitId,
      proof,
      publicSignals,
      expectedInput: o.expectedInput,
    });
    if (!verified) failure = 'proof did not verify';
  } catch (err) {
    failure = `verification error: ${err instanceof Error ? err.message : String(err)}`;
  }
  const verifyMs = performance.now() - started;
  if (!verified) return unverified(failure ?? 'proof did not verify', { proof, publicSignals, verifyMs });
  return { verified: true, responseTime: raw.processTime, proofSize: size, proof, publicSignals, verifyMs };
}

const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
