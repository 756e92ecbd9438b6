/** The bittensor v10 (SDK 9.9.0) wire format: synapse model, Python value emulation, hashing, headers. */
export * from './synapse.js';
export * from './py-value.js';
export { pyStr, pyRepr, pyFloatRepr, pyStrRepr } from './python-str.js';
export { parsePyJson, dumpPyJson, PyJsonError, PYTHON_DUMPS, STARLETTE_RESPONSE } from './py-json.js';
export { bodyHashOf, sha3Hex, EMPTY_BODY_HASH } from './body-hash.js';
export { toHeaders, fromHeaders, type HeaderList } from './headers.js';
export { requestSigningMessage, signText, verifyMessage, publicKeyOf, sr25519Ready } from './signature.js';
export {
  Axon,
  type AttachHooks,
  type AxonOptions,
  type AxonRequestEvent,
  type ForwardContext,
} from './axon.js';
export {
  Dendrite,
  axonUrl,
  isSuccess,
  type AxonTarget,
  type DendriteOptions,
  type CallOptions,
} from './dendrite.js';
export { SDK_VERSION_AS_INT } from './version.js';
export { VerifyPool, inlineVerifier, type SignatureVerifier } from './verify-pool.js';
export type { RateLimit } from '../../util/rate-limiter.js';
