// SN2 protocol v10 constants (sn2-protocol.md §1, §13). Names follow upstream `neurons/constants.py`.

// Circuit ids and circuit-level constants live with the circuits; re-exported so SN2 code has one import.
export {
  BATCHED_PROOF_OF_WEIGHTS_MODEL_ID,
  CIRCUIT_TIMEOUT_SECONDS,
  FIELD_MODULUS,
  IGNORED_CIRCUIT_IDS,
  LSTM_MODEL_ID,
  POW_SCALING,
  SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
} from '../circuits/constants.js';

/** bittensor SDK 9.9.0 `version_as_int`, sent in dendrite headers and as the `serve_axon` version. */
export const BT_VERSION_AS_INT = 9_009_000;
export const WEIGHTS_VERSION = 11_002;

export const CAPACITY_TIMEOUT_SECONDS = 12;
export const VALIDATOR_REQUEST_TIMEOUT_SECONDS = 120;
export const MAX_CONCURRENT_REQUESTS = 16;
export const DEFAULT_PROOF_SIZE = 5000;
export const MAXIMUM_SCORE_MEDIAN_SAMPLE = 0.05;
export const WEIGHT_RATE_LIMIT = 100;
export const WEIGHT_UPDATE_BUFFER = 15;
export const EPOCH_TEMPO = 360;
export const LOOP_DELAY_SECONDS = 0.1;
export const EXCEPTION_DELAY_SECONDS = 10;
export const DEFAULT_MAX_SCORE = 1 / 235;
export const VALIDATOR_STAKE_THRESHOLD = 1024;
/** Netuid 118 (testnet) makes every UID queryable: its stake threshold is 1e19 (§8.2). */
export const TESTNET_NETUID = 118;
export const TESTNET_QUERYABLE_STAKE_THRESHOLD = 1e19;
export const MAINNET_NETUID = 2;

export const POW_BATCH_SIZE = 256;
export const BATCHED_POW_SIZE = 1024;
export const MAX_POW_QUEUE_SIZE = 1024;
export const MAX_EVALUATION_ITEMS = 1024;
/** Witness offsets of the PoW-256 circuit: new_score at 1…256, miner_uid_out at 513…768 (§9.4). */
export const POW_WITNESS_SCORE_OFFSET = 1;
export const POW_WITNESS_MINER_UID_OFFSET = 513;
export const HASH_GUARD_SIZE = 32_768;

export const OWNER_BURN_SHARE = 0.8;
export const EXTERNAL_REQUEST_QUEUE_TIME_SECONDS = 10;

/** Miner failure strings of `QueryZkProof.query_output` (§3.2), checked in this order. */
export const QUERY_OUTPUT_COMPETITION_ONLY = 'Competition only mode enabled';
export const QUERY_OUTPUT_EMPTY_INPUT = 'Empty query input';
export const QUERY_OUTPUT_ERROR = 'An error occurred';
/** What a stock miner without object storage answers to `Competition` (§3.5). */
export const COMPETITION_NOT_INITIALIZED = 'Circuit manager not initialized';

/** Default netuid by network; the upstream CLI's default of 1 is never used (§1). */
export function defaultSn2Netuid(network: string): number {
  return network === 'test' ? TESTNET_NETUID : MAINNET_NETUID;
}
