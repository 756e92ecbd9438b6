import type { ApiPromise } from '@polkadot/api';
import { big, bool, num } from './codec.js';

/** What a miner/validator needs to know about a subnet, read from storage (same keys on 293 and 425). */
export interface SubnetHyperparams {
  netuid: number;
  exists: boolean;
  tempo: number;
  /** Registration price, rao. */
  burnRao: bigint;
  weightsVersionKey: bigint;
  weightsRateLimit: number;
  servingRateLimit: number;
  commitRevealEnabled: boolean;
  revealPeriodEpochs: number;
  /** The chain expects timelocked (CRv4) commits when commit-reveal is on. */
  timelockedCommitReveal: boolean;
  minAllowedWeights: number;
  maxWeightsLimit: number;
  maxAllowedValidators: number;
  maxAllowedUids: number;
  immunityPeriod: number;
  subnetworkN: number;
  registrationAllowed: boolean;
  stakeThresholdRao: bigint;
}

export async function readHyperparams(
  api: ApiPromise,
  netuid: number,
  blockHash?: string,
): Promise<SubnetHyperparams> {
  const q = (blockHash ? await api.at(blockHash) : api).query.subtensorModule;
  const [
    added,
    tempo,
    burn,
    versionKey,
    weightsRate,
    servingRate,
    crEnabled,
    revealPeriod,
    minWeights,
    maxWeights,
    maxValidators,
    maxUids,
    immunity,
    n,
    regAllowed,
    stakeThreshold,
  ] = await Promise.all([
    q.networksAdded(netuid),
    q.tempo(netuid),
    q.burn(netuid),
    q.weightsVersionKey(netuid),
    q.weightsSetRateLimit(netuid),
    q.servingRateLimit(netuid),
    q.commitRevealWeightsEnabled(netuid),
    q.revealPeriodEpochs(netuid),
    q.minAllowedWeights(netuid),
    q.maxWeightsLimit(netuid),
    q.maxAllowedValidators(netuid),
    q.maxAllowedUids(netuid),
    q.immunityPeriod(netuid),
    q.subnetworkN(netuid),
    q.networkRegistrationAllowed(netuid),
    q.stakeThreshold(),
  ]);
  return {
    netuid,
    exists: bool(added),
    tempo: num(tempo),
    burnRao: big(burn),
    weightsVersionKey: big(versionKey),
    weightsRateLimit: num(weightsRate),
    servingRateLimit: num(servingRate),
    commitRevealEnabled: bool(crEnabled),
    revealPeriodEpochs: num(revealPeriod),
    timelockedCommitReveal: usesTimelockedCommits(api),
    minAllowedWeights: num(minWeights),
    maxWeightsLimit: num(maxWeights),
    maxAllowedValidators: num(maxValidators),
    maxAllowedUids: num(maxUids),
    immunityPeriod: num(immunity),
    subnetworkN: num(n),
    registrationAllowed: bool(regAllowed),
    stakeThresholdRao: big(stakeThreshold),
  };
}

/**
 * Runtimes with `commit_timelocked_weights` (spec ≥ 4xx) take CRv4 commits when commit-reveal is on;
 * spec 293 only has hash commits (CR v2).
 */
export const usesTimelockedCommits = (api: ApiPromise): boolean =>
  Boolean(api.tx.subtensorModule?.commitTimelockedWeights);
