import { randomUUID } from 'node:crypto';
import type { CoreEvent, ProofLogEntry } from '../contract/events.js';
import type { PeerAddress, Sn2Client } from '../sn2/transport/sn2-transport.js';
import { errorMessage } from '../util/errors.js';
import type { ExternalRequestQueue } from './external-queue.js';
import { DuplicateInputError, type HashGuard } from './hash-guard.js';
import { proofLogStatus } from './proof-log-status.js';
import { buildRequest, type ValidatorCircuit } from './request/build-request.js';
import type { ValidatorRequest } from './request/validator-request.js';
import { processResponse, type ProofVerifier } from './response/process-response.js';
import type { ScoreManager } from './scoring/score-manager.js';
import { notSent, sendQuery } from './send-query.js';
import type { ValidatorMetagraph } from './validator-ports.js';

/** Counters for summaries (practice mode, status). */
export interface ValidatorCounters {
  requested: number;
  verified: number;
  failed: number;
  latenciesMs: number[];
  weights: Array<{ ok: boolean; block?: number; detail?: string }>;
}

/** A verified real-world (external API) proof, e.g. for proof publishing (§12). */
export interface RealWorldProof {
  circuitId: string;
  requestHash: string;
  minerUid: number;
  proof: unknown;
  publicSignals: unknown;
}

/** What one query needs from the running validator. */
export interface QueryContext {
  client: Sn2Client;
  circuits: ReadonlyMap<string, ValidatorCircuit>;
  external: ExternalRequestQueue;
  hashGuard: HashGuard;
  scores: ScoreManager;
  meta: ValidatorMetagraph;
  ownUid: number;
  queryable: readonly number[];
  counters: ValidatorCounters;
  verify: ProofVerifier;
  target(uid: number): PeerAddress | undefined;
  emit(event: CoreEvent): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void;
  onRealWorldProof?: (p: RealWorldProof) => void;
}

/** Build, send, judge and score one request (§8.4–§8.6, §9.3). */
export async function queryMiner(c: QueryContext, uid: number): Promise<void> {
  let req: ValidatorRequest;
  try {
    req = buildRequest(uid, {
      circuits: c.circuits,
      external: c.external,
      hashGuard: c.hashGuard,
      takeBatchedPowItems: () => c.scores.takeBatchedPowItems(),
    });
  } catch (err) {
    if (!(err instanceof DuplicateInputError))
      c.log('warn', `request for uid ${uid} not built: ${errorMessage(err)}`);
    return;
  }
  const target = c.target(uid);
  const started = Date.now();
  const raw = target
    ? await sendQuery(c.client, target, req, (m) => c.log('warn', m))
    : notSent('no axon address on chain');
  const evaluation = c.scores.evaluationOf(req.circuitId);
  const result = await processResponse(raw, {
    circuitId: req.circuitId,
    proofSystem: req.proofSystem,
    expectedInput: req.input,
    timeoutSeconds: req.timeoutSeconds,
    maximumResponseTime: evaluation.maximumResponseTime,
    verify: c.verify,
  });
  if (req.external) {
    if (result.verified) {
      req.external.resolve({ proof: result.proof, publicSignals: result.publicSignals });
      c.onRealWorldProof?.({
        circuitId: req.circuitId,
        requestHash: req.external.request.hash,
        minerUid: uid,
        proof: result.proof,
        publicSignals: result.publicSignals,
      });
    } else req.external.reject(new Error(result.failure ?? 'no verified proof'));
  }
  if (result.verified) {
    c.counters.verified++;
    c.counters.latenciesMs.push(result.responseTime * 1000);
  } else c.counters.failed++;
  const entry: ProofLogEntry = {
    id: randomUUID(),
    at: started,
    role: 'validator',
    route: req.synapse,
    circuitId: req.circuitId,
    circuitName: req.circuitName,
    minerHotkey: c.meta.neurons[uid]?.hotkey,
    minerUid: uid,
    validatorUid: c.ownUid,
    inputBytes: JSON.stringify(req.input).length,
    verifyMs: result.verifyMs,
    totalMs: raw.processTime !== undefined ? raw.processTime * 1000 : Date.now() - started,
    proofBytes: result.verified ? result.proofSize : undefined,
    ...proofLogStatus(raw.reply, result),
  };
  c.emit({ type: 'proof', entry });
  const batch = await c.scores.record(
    {
      circuitId: req.circuitId,
      uid,
      verified: result.verified,
      responseTime: result.responseTime,
      proofSize: result.proofSize,
    },
    { block: c.meta.block, ownUid: c.ownUid, queryable: new Set(c.queryable) },
  );
  if (batch) c.log('info', `scored PoW batch ${batch.step}: ${batch.updates.length} score updates persisted`);
}
