import {
  DEFAULT_MAX_SCORE,
  DEFAULT_PROOF_SIZE,
  VALIDATOR_REQUEST_TIMEOUT_SECONDS,
} from '../../sn2/constants.js';

/**
 * One PoW-queue item (§9.3): the validator's record of one judged response. Float fields hold
 * float32 values (upstream stores them as float32 tensors), so every constructor passes them through
 * `Math.fround`; `verified` of a padding item is the integer 0, not `false` (§5.2).
 */
export interface PowItem {
  maximum_score: number;
  previous_score: number;
  verified: boolean | 0;
  proof_size: number;
  response_time: number;
  competition: number;
  maximum_response_time: number;
  minimum_response_time: number;
  block_number: number;
  validator_uid: number;
  miner_uid: number;
}

export interface PowItemFields {
  maxScore: number;
  previousScore: number;
  verified: boolean;
  proofSize: number;
  responseTime: number;
  maximumResponseTime: number;
  minimumResponseTime: number;
  block: number;
  validatorUid: number;
  minerUid: number;
}

export function powItem(f: PowItemFields): PowItem {
  return {
    maximum_score: Math.fround(f.maxScore),
    previous_score: Math.fround(f.previousScore),
    verified: f.verified,
    proof_size: Math.fround(f.proofSize),
    response_time: Math.fround(f.responseTime),
    competition: 0,
    maximum_response_time: Math.fround(f.maximumResponseTime),
    minimum_response_time: Math.fround(f.minimumResponseTime),
    block_number: Math.trunc(f.block),
    validator_uid: Math.trunc(f.validatorUid),
    miner_uid: Math.trunc(f.minerUid),
  };
}

/** §9.5: fills a batched PoW request below its size; `miner_uid` −1 is skipped when scores are applied. */
export const paddingPowItem = (): PowItem => ({
  maximum_score: Math.fround(DEFAULT_MAX_SCORE),
  previous_score: 0,
  verified: 0,
  proof_size: DEFAULT_PROOF_SIZE,
  response_time: VALIDATOR_REQUEST_TIMEOUT_SECONDS,
  competition: 0,
  maximum_response_time: VALIDATOR_REQUEST_TIMEOUT_SECONDS,
  minimum_response_time: 0,
  block_number: 0,
  validator_uid: 0,
  miner_uid: -1,
});
