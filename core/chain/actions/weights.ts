import type { ApiPromise } from '@polkadot/api';
import { Option } from '@polkadot/types';
import { big, num, vec } from '../codec.js';
import { PreflightError, UnsupportedChainFeatureError } from '../errors.js';
import { readHyperparams } from '../hyperparams.js';
import { submitExtrinsic, type SubmitOptions } from '../submit.js';
import type { ChainSigner } from '../signer.js';
import { convertWeightsAndUidsForEmit } from '../weights/normalize.js';
import { commitHash, randomSalt } from '../weights/commit-hash.js';
import type { PendingReveal, PendingRevealStore } from '../weights/pending-reveals.js';

export type { PendingReveal } from '../weights/pending-reveals.js';

/** The SDK's mortal era for weight extrinsics. */
export const WEIGHTS_ERA_PERIOD = 8;

export interface WeightsArgs {
  netuid: number;
  hotkey: ChainSigner;
  uids: number[];
  /** Non-negative reals; normalised to u16 like the SDK. */
  weights: number[];
  /**
   * The validator software's version (SN2: `WEIGHTS_VERSION`). The chain refuses it when below the
   * subnet's `WeightsVersionKey`: that is the owner's gate on outdated validators, so never send the
   * chain's own key instead.
   */
  versionKey: bigint;
  /** CR v2: where the commit's reveal data is recorded (before submitting) until it is revealed. */
  reveals?: PendingRevealStore;
}

export type WeightsOutcome =
  | { method: 'set_weights'; block: number; uids: number[]; values: number[]; versionKey: bigint }
  | { method: 'commit'; block: number; pending: PendingReveal }
  | { method: 'none'; reason: string };

/** Blocks to wait before this uid may set (or commit) weights again; 0 = now. Chain rule of §8. */
export async function weightsCooldown(api: ApiPromise, netuid: number, uid: number): Promise<number> {
  const q = api.query.subtensorModule;
  const [lastUpdate, limit, header] = await Promise.all([
    q.lastUpdate(netuid),
    q.weightsSetRateLimit(netuid),
    api.rpc.chain.getHeader(),
  ]);
  const last = vec(lastUpdate)[uid];
  const lastBlock = last ? num(last) : 0;
  if (lastBlock === 0) return 0;
  return Math.max(0, lastBlock + num(limit) - header.number.toNumber());
}

/**
 * Set weights the way the subnet wants them: `set_weights` when commit-reveal is off, a CR v2 hash
 * commit when it is on (reveal later with `revealWeights`). Timelocked commit-reveal (CRv4) is
 * detected and refused with UnsupportedChainFeatureError: it cannot be produced offline yet.
 */
export async function submitWeights(
  api: ApiPromise,
  args: WeightsArgs,
  options: SubmitOptions = {},
): Promise<WeightsOutcome> {
  const { uids, values } = convertWeightsAndUidsForEmit(args.uids, args.weights);
  if (uids.length === 0) return { method: 'none', reason: 'all weights are zero: nothing to set' };
  const hp = await readHyperparams(api, args.netuid);
  if (!hp.exists) throw new PreflightError('SubNetworkDoesNotExist', `subnet ${args.netuid} does not exist`);
  if (hp.commitRevealEnabled && hp.timelockedCommitReveal) {
    throw new UnsupportedChainFeatureError(
      `subnet ${args.netuid} uses timelocked commit-reveal (CRv4, drand-encrypted commits); this app cannot produce those yet, so no weights were set`,
    );
  }
  const uid = await api.query.subtensorModule.uids(args.netuid, args.hotkey.address);
  if (uid.isEmpty) {
    throw new PreflightError(
      'HotKeyNotRegisteredInNetwork',
      `hotkey ${args.hotkey.address} is not registered on netuid ${args.netuid}`,
    );
  }
  const wait = await weightsCooldown(api, args.netuid, num(uid));
  if (wait > 0) {
    const error = hp.commitRevealEnabled ? 'CommittingWeightsTooFast' : 'SettingWeightsTooFast';
    throw new PreflightError(
      error,
      `weights were set too recently; wait ${wait} more blocks (rate limit ${hp.weightsRateLimit})`,
    );
  }
  const versionKey = args.versionKey;
  if (hp.weightsVersionKey !== 0n && versionKey < hp.weightsVersionKey) {
    throw new PreflightError(
      'IncorrectWeightVersionKey',
      `subnet ${args.netuid} requires weights version ≥ ${hp.weightsVersionKey}, this software sends ${versionKey}: update it`,
    );
  }
  const opts = { eraPeriod: WEIGHTS_ERA_PERIOD, ...options };
  if (!hp.commitRevealEnabled) {
    const inc = await submitExtrinsic(
      api,
      api.tx.subtensorModule.setWeights(args.netuid, uids, values, versionKey),
      args.hotkey,
      opts,
    );
    return { method: 'set_weights', block: inc.blockNumber, uids, values, versionKey };
  }
  const salt = randomSalt();
  const hash = commitHash({
    hotkey: args.hotkey.address,
    netuid: args.netuid,
    uids,
    values,
    salt,
    versionKey,
  });
  const pending: PendingReveal = {
    netuid: args.netuid,
    hotkey: args.hotkey.address,
    uids,
    values,
    salt,
    versionKey,
    hash,
    submittedAtBlock: (await api.rpc.chain.getHeader()).number.toNumber(),
  };
  // Recorded before sending: a crash after the commit lands must still find the salt.
  args.reveals?.add(pending);
  const inc = await submitExtrinsic(
    api,
    api.tx.subtensorModule.commitWeights(args.netuid, hash),
    args.hotkey,
    opts,
  );
  const committed = { ...pending, commitBlock: inc.blockNumber };
  args.reveals?.add(committed);
  return { method: 'commit', block: inc.blockNumber, pending: committed };
}

export interface StoredCommit {
  hash: `0x${string}`;
  /** Spec 293: (commit_block, first_reveal_block, last_reveal_block). 425: (commit_epoch, commit_block, 0). */
  fields: [bigint, bigint, bigint];
}

export async function readWeightCommits(
  api: ApiPromise,
  netuid: number,
  hotkey: string,
): Promise<StoredCommit[]> {
  const raw = await api.query.subtensorModule.weightCommits(netuid, hotkey);
  // OptionQuery on some runtimes, ValueQuery (empty default) on others.
  const items = raw instanceof Option ? (raw.isSome ? vec(raw.unwrap()) : []) : vec(raw);
  return items.map((entry) => {
    const [hash, a, b, c] = vec(entry);
    return { hash: hash.toHex() as `0x${string}`, fields: [big(a), big(b), big(c)] };
  });
}

/** Reveal a CR v2 commit (inside its reveal window). */
export async function revealWeights(
  api: ApiPromise,
  hotkey: ChainSigner,
  pending: PendingReveal,
  options: SubmitOptions = {},
): Promise<{ block: number }> {
  const tx = api.tx.subtensorModule.revealWeights(
    pending.netuid,
    pending.uids,
    pending.values,
    pending.salt,
    pending.versionKey,
  );
  const inc = await submitExtrinsic(api, tx, hotkey, { eraPeriod: WEIGHTS_ERA_PERIOD, ...options });
  return { block: inc.blockNumber };
}
