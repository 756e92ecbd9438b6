/**
 * The KDF worker, as CommonJS source for `new Worker(src, { eval: true })`: a string rather than a file
 * so that it survives bundling (Vite, electron-builder asar) and needs no TypeScript loader. It loads
 * one backend by absolute path, derives the key, zeroes the password and posts the key back (transferred).
 */
export const ARGON2_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { backend, modulePath, password, salt, iterations, memoryKiB, parallelism, keyLength } = workerData;

async function derive() {
  let lib;
  try {
    lib = require(modulePath);
  } catch (err) {
    return { unavailable: true, message: String(err && err.message || err) };
  }
  const pw = Buffer.from(password.buffer, password.byteOffset, password.byteLength);
  let out;
  if (backend === 'node-rs-argon2') {
    out = await lib.hashRaw(pw, { algorithm: 1, version: 1, salt: Buffer.from(salt), timeCost: iterations,
      memoryCost: memoryKiB, parallelism, outputLen: keyLength });
  } else if (backend === 'libsodium-wasm') {
    await lib.ready;
    out = lib.crypto_pwhash(keyLength, pw, salt, iterations, memoryKiB * 1024, lib.crypto_pwhash_ALG_ARGON2I13);
  } else if (backend === 'hash-wasm') {
    out = await lib.argon2i({ password: pw, salt, iterations, memorySize: memoryKiB, parallelism,
      hashLength: keyLength, outputType: 'binary' });
  } else {
    return { unavailable: true, message: 'unknown backend ' + backend };
  }
  password.fill(0);
  const key = new Uint8Array(out);
  out.fill(0);
  return { key };
}

derive().then(
  (result) => parentPort.postMessage(result, result.key ? [result.key.buffer] : []),
  (err) => { password.fill(0); parentPort.postMessage({ error: String(err && err.message || err) }); },
);
`;
