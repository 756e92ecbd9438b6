import { createRequire } from 'node:module';

/**
 * Argon2i implementations, fastest first (measured on a 2-core EPYC VM, see docs/BENCHMARKS.md):
 * the napi-rs Rust binding (prebuilt per platform, no compile step), then libsodium's own wasm build,
 * then hash-wasm. The wasm ones are the pure-JS fallback where no prebuilt binary exists.
 */
export const ARGON2_BACKENDS = ['node-rs-argon2', 'libsodium-wasm', 'hash-wasm'] as const;
export type Argon2BackendId = (typeof ARGON2_BACKENDS)[number];

const PACKAGES: Record<Argon2BackendId, string> = {
  'node-rs-argon2': '@node-rs/argon2',
  'libsodium-wasm': 'libsodium-wrappers-sumo',
  'hash-wasm': 'hash-wasm',
};

/** Rough unlock time per backend on the reference machine, for progress estimates until one has run here. */
export const TYPICAL_MS: Record<Argon2BackendId, number> = {
  'node-rs-argon2': 2_000,
  'libsodium-wasm': 5_500,
  'hash-wasm': 10_000,
};

const require = createRequire(import.meta.url);

/** Absolute path of the backend's CommonJS entry, for the worker to `require`; undefined if not installed. */
export function backendModulePath(id: Argon2BackendId): string | undefined {
  try {
    return require.resolve(PACKAGES[id]);
  } catch {
    return undefined;
  }
}
