/** BN254 scalar field order r: snarkjs public signals and EZKL felts live in this field. */
export const FIELD_MODULUS = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

export const SINGLE_PROOF_OF_WEIGHTS_MODEL_ID =
  '4a87c995300f4e9ad9add9d5b800eb93bb3ecd3f9459b617f9924a211407a88c';
export const BATCHED_PROOF_OF_WEIGHTS_MODEL_ID =
  '1550853037e01d93c0831e2a4f80de7811b1c6780fb36b3cee89f4ba524df1be';
export const LSTM_MODEL_ID = '31df94d233053d9648c3c57362d9aa8aaa0f77761ac520af672103dbb387a6a5';
export const SN27_POW_MODEL_ID = '1876cfa9fb3c418b2559f3f7074db20565b5ca7237efdd43b907d9d697a452c4';
export const SN48_POW_MODEL_ID = '43ecaacaded5ed16c9e08bc054366e409c7925245eca547472b27f2a61469cc5';

/** Per-request timeout of every v10 circuit (metadata `timeout` is null everywhere). */
export const CIRCUIT_TIMEOUT_SECONDS = 60;

/** Scale of the PoW circuits' fixed-point values (×1e8). */
export const POW_SCALING = 100_000_000;

export const CIRCUIT_ID_PATTERN = /^[a-f0-9]{64}$/;

/** Upstream commit whose `neurons/deployment_layer/` the in-package files are pinned to (tag 10.3.2). */
export const SN2_PINNED_COMMIT = 'a3ce328aa92a50997db31ddbd56986f6c285ae56';

/** Circuit folders upstream never loads (sn2-protocol §4.7). */
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

/** Our own practice circuit (resources/practice-circuit): sha256 of its committed verification key. */
export const PRACTICE_CIRCUIT_ID = 'fdc73f310d26c21ca4b600eed27e870c5106f5f770284b332cd753eba85d7ece';
