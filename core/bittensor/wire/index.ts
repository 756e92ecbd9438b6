/** The bittensor v10 (SDK 9.9.0) wire format: synapse model, Python value emulation, hashing, headers. */
export * from './synapse.js';
export * from './py-value.js';
export { pyStr, pyRepr, pyFloatRepr, pyStrRepr } from './python-str.js';
export { parsePyJson, dumpPyJson, PyJsonError, PYTHON_DUMPS, STARLETTE_RESPONSE } from './py-json.js';
export { bodyHashOf, sha3Hex, EMPTY_BODY_HASH } from './body-hash.js';
export { toHeaders, fromHeaders, type HeaderList } from './headers.js';
