import type { CoreEvent } from '../contract/events.js';
import { percentile } from '../contract/proof-log-stats.js';
import { PracticeSession, type PracticeSessionOptions } from './practice-session.js';

export interface PracticeOptions {
  rounds: number;
  /** Folder for the validator state and the devnet cache. */
  dataDir: string;
  emit: (event: CoreEvent) => void;
  /** Progress lines for humans. */
  info?: (line: string) => void;
  specPath?: string;
  /** Settings `prover` for the proving engine (worker pool size, native tools). */
  prover?: PracticeSessionOptions['prover'];
  signal?: AbortSignal;
}

export interface PracticeSummary {
  netuid: number;
  minerUid: number;
  validatorUid: number;
  requested: number;
  verified: number;
  failed: number;
  latencyMs: { p50: number; p95: number; max: number };
  weights: { block: number; uids: number[]; values: number[] } | null;
  minerIncentive: number;
  minerScore: number;
  blocks: { start: number; end: number };
  durationMs: number;
}

/**
 * One-command practice (`sn2 practice`): a real subtensor runtime on 127.0.0.1, a fresh subnet, a
 * throwaway miner hotkey registered and a staked validator with a permit, then our miner and
 * validator talking over the real axon/dendrite path with real proofs, weights set on chain and read
 * back, and the miner's incentive after the next epoch.
 */
export async function runPractice(o: PracticeOptions): Promise<PracticeSummary> {
  const started = Date.now();
  const info = o.info ?? (() => undefined);
  const session = await PracticeSession.start({
    dataDir: o.dataDir,
    emit: o.emit,
    info,
    specPath: o.specPath,
    prover: o.prover,
    maxRequests: o.rounds,
  });
  try {
    info(`validator uid ${session.validator.uid} querying ${o.rounds} rounds…`);
    await session.validator.done();
    info('setting weights on chain…');
    const epoch = await session.settleEpoch();
    const c = session.validator.counters;
    const lat = [...c.latenciesMs].sort((a, b) => a - b);
    return {
      netuid: session.netuid,
      minerUid: session.minerUid,
      validatorUid: session.validator.uid,
      requested: c.requested,
      verified: c.verified,
      failed: c.failed,
      latencyMs: { p50: percentile(lat, 0.5), p95: percentile(lat, 0.95), max: lat.at(-1) ?? 0 },
      weights: epoch.weights,
      minerIncentive: epoch.minerIncentive,
      minerScore: epoch.minerScore,
      blocks: { start: session.startBlock, end: epoch.block },
      durationMs: Date.now() - started,
    };
  } finally {
    await session.stop();
  }
}
