import type { ApiPromise } from '@polkadot/api';
import { DispatchFailedError } from '../errors.js';
import {
  readWeightCommits,
  revealWeights,
  WEIGHTS_ERA_PERIOD,
  type StoredCommit,
} from '../actions/weights.js';
import type { SubmitOptions } from '../submit.js';
import type { ChainSigner } from '../signer.js';
import type { PendingReveal, PendingRevealStore } from './pending-reveals.js';

/** One pending commit looked at: revealed, given up (with why), or kept for a later block. */
export type RevealOutcome =
  | { kind: 'revealed'; hash: string; block: number; uids: number[] }
  | { kind: 'dropped'; hash: string; uids: number[]; reason: string }
  | { kind: 'failed'; hash: string; uids: number[]; reason: string }
  | { kind: 'waiting'; hash: string; revealFrom?: number };

/** Errors after which the commit can never be revealed. */
const FINAL_ERRORS = new Set([
  'ExpiredWeightCommit',
  'NoWeightsCommitFound',
  'InvalidRevealCommitHashNotMatch',
]);

type Step = { act: 'reveal' } | { act: 'wait'; from?: number } | { act: 'drop'; reason: string };

/**
 * Where a commit stands at `head` (§4.5). Spec 293 stores `(hash, commit_block, first_reveal_block,
 * last_reveal_block)`; 425 stores `(hash, commit_epoch, commit_block, 0)` and the chain alone knows its
 * epoch counter, so there the reveal is simply tried and `RevealTooEarly` means wait.
 */
function stepFor(p: PendingReveal, commit: StoredCommit | undefined, head: number): Step {
  if (!commit) {
    // A mortal commit (era WEIGHTS_ERA_PERIOD) not on chain by then never will be.
    if (head <= p.submittedAtBlock + WEIGHTS_ERA_PERIOD) return { act: 'wait' };
    return {
      act: 'drop',
      reason: 'the commit is not on chain (never included, or already revealed or expired)',
    };
  }
  const [, first, last] = commit.fields;
  if (last === 0n) return { act: 'reveal' };
  if (head < Number(first)) return { act: 'wait', from: Number(first) };
  if (head > Number(last))
    return { act: 'drop', reason: `its reveal window (blocks ${first}–${last}) has passed` };
  return { act: 'reveal' };
}

/**
 * Reveal every recorded CR v2 commit of `hotkey` whose window is open; forget those that can no longer
 * be revealed. Safe to call on every weights tick and right after a restart.
 */
export async function revealPendingWeights(
  api: ApiPromise,
  hotkey: ChainSigner,
  store: PendingRevealStore,
  options: SubmitOptions = {},
): Promise<RevealOutcome[]> {
  const mine = store.list().filter((p) => p.hotkey === hotkey.address);
  if (mine.length === 0) return [];
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const commits = new Map<number, StoredCommit[]>();
  const outcomes: RevealOutcome[] = [];
  for (const p of mine) {
    if (!commits.has(p.netuid)) commits.set(p.netuid, await readWeightCommits(api, p.netuid, p.hotkey));
    const step = stepFor(
      p,
      commits.get(p.netuid)?.find((c) => c.hash === p.hash),
      head,
    );
    if (step.act === 'wait') {
      outcomes.push({ kind: 'waiting', hash: p.hash, revealFrom: step.from });
      continue;
    }
    if (step.act === 'drop') {
      store.remove(p.hash);
      outcomes.push({ kind: 'dropped', hash: p.hash, uids: p.uids, reason: step.reason });
      continue;
    }
    try {
      const { block } = await revealWeights(api, hotkey, p, options);
      store.remove(p.hash);
      outcomes.push({ kind: 'revealed', hash: p.hash, block, uids: p.uids });
    } catch (err) {
      const code = err instanceof DispatchFailedError ? err.error : undefined;
      if (code === 'RevealTooEarly') {
        outcomes.push({ kind: 'waiting', hash: p.hash });
        continue;
      }
      const reason = err instanceof Error ? err.message : String(err);
      if (code && FINAL_ERRORS.has(code)) {
        store.remove(p.hash);
        outcomes.push({ kind: 'dropped', hash: p.hash, uids: p.uids, reason });
      } else outcomes.push({ kind: 'failed', hash: p.hash, uids: p.uids, reason });
    }
  }
  return outcomes;
}
