// SN2 protocol v10 constants (sn2-protocol.md §1, §13). Names follow upstream `neurons/constants.py`.

export const SINGLE_PROOF_OF_WEIGHTS_MODEL_ID =
  '4a87c995300f4e9ad9add9d5b800eb93bb3ecd3f9459b617f9924a211407a88c';
export const BATCHED_PROOF_OF_WEIGHTS_MODEL_ID =
  '1550853037e01d93c0831e2a4f80de7811b1c6780fb36b3cee89f4ba524df1be';
export const LSTM_MODEL_ID = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';

/** bittensor SDK 9.9.0 `version_as_int`, sent in dendrite headers and as the `serve_axon` version. */
export const BT_VERSION_AS_INT = 9_009_000;
export const WEIGHTS_VERSION = 11_002;

export const CIRCUIT_TIMEOUT_SECONDS = 60;
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

export const FIELD_MODULUS = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

export const POW_BATCH_SIZE = 256;
export const BATCHED_POW_SIZE = 1024;
export const MAX_POW_QUEUE_SIZE = 1024;
export const MAX_EVALUATION_ITEMS = 1024;
/** Witness offsets of the PoW-256 circuit: new_score at 1…256, miner_uid_out at 513…768 (§9.4). */
export const POW_WITNESS_SCORE_OFFSET = 1;
export const POW_WITNESS_MINER_UID_OFFSET = 513;
export const POW_SCALING = 100_000_000;
export const HASH_GUARD_SIZE = 32_768;

export const OWNER_BURN_SHARE = 0.8;
export const EXTERNAL_REQUEST_QUEUE_TIME_SECONDS = 10;

/** Circuit ids that are never loaded (§4.7). */
export const IGNORED_CIRCUIT_IDS: ReadonlySet<string> = new Set([
  '0',
  '0a92bc32ea02abe54159da70aeb541d52c3cba27c8708669eda634e096a86f8b',
  'b7d33e7c19360c042d94c5a7360d7dc68c36dd56c449f7c49164a0098769c01f',
  '55de10a6bcf638af4bc79901d63204a9e5b1c6534670aa03010bae6045e3d0e8',
  '9998a12b8194d3e57d332b484ede57c3d871d42a176456c4e10da2995791d181',
  'ed8ba401d709ee31f6b9272163c71451da171c7d71800313fe5db58d0f6c483a',
  '37320fc74fec80805eedc8e92baf3c58842a2cb2a4ae127ad6e930f0c8441c7a',
  '1d60d545b7c5123fd60524dcbaf57081ca7dc4a9ec36c892927a3153328d17c0',
  '33b92394b18412622adad75733a6fc659b4e202b01ee8a5465958a6bad8ded62',
  '8dcff627a782525ea86196941a694ffbead179905f0cd4550ddc3df9e2b90924',
  'a4bcecaf699fd9212600a1f2fcaa40c444e1aeaab409ea240a38c33ed356f4e2',
  'e84b2e5f223621fa20078eb9f920d8d4d3a4ff95fa6e2357646fdbb43a2557c9',
  'a849500803abdbb86a9460e18684a6411dc7ae0b75f1f6330e3028081a497dea',
  'f5b6043594f46ae6bd176ce60c7a099291cc6a3f6436fecd46142b1b1ecca5fb',
  '1e6fcdaea58741e7248b631718dda90398a17b294480beb12ce8232e27ca3bff',
  'fa0d509d52abe2d1e809124f8aba46258a02f7253582f7b7f5a22e1e0bca0dfb',
]);

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
