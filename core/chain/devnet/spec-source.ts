import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-file.js';
import { UserError } from '../../util/errors.js';

/** The pinned upstream runtimeGenesis spec (spec 293, fast-runtime): see the fixture's ORIGIN.md. */
export const SUBTENSOR_SPEC_URL =
  'https://raw.githubusercontent.com/opentensor/subtensor/f59e608b2128586215ea396156a1d04b14724888/aura-dev.json';
export const SUBTENSOR_SPEC_SHA256 = 'c321edb119707219b5f3fe602ad2f3180cd9e4492dbceee16e46b54a1facba2d';

export class SpecChecksumError extends UserError {}

export interface SpecSourceOptions {
  /** Explicit path (`--spec`); wins over the environment. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  /** Where a downloaded copy is kept. */
  cacheDir: string;
  fetchImpl?: typeof fetch;
}

export const sha256Hex = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

/**
 * Bytes of the subtensor chain spec: `--spec`, else $SUBTENSOR_SPEC, else a cached download of the
 * pinned upstream file (downloaded on first use and checked against its sha256).
 */
export async function loadSubtensorSpec(
  options: SpecSourceOptions,
): Promise<{ text: string; sha256: string; source: string }> {
  const explicit = options.path ?? (options.env ?? process.env).SUBTENSOR_SPEC;
  if (explicit) {
    if (!existsSync(explicit)) throw new UserError(`subtensor chain spec not found at ${explicit}`);
    const text = readExplicitSpec(explicit);
    return { text, sha256: sha256Hex(text), source: explicit };
  }
  const cached = join(options.cacheDir, `subtensor-spec-${SUBTENSOR_SPEC_SHA256.slice(0, 16)}.json`);
  if (existsSync(cached)) {
    const text = readFileSync(cached, 'utf8');
    if (sha256Hex(text) === SUBTENSOR_SPEC_SHA256)
      return { text, sha256: SUBTENSOR_SPEC_SHA256, source: cached };
  }
  const doFetch = options.fetchImpl ?? fetch;
  let body: Uint8Array;
  try {
    const res = await doFetch(SUBTENSOR_SPEC_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new UserError(
      `could not download the subtensor chain spec from ${SUBTENSOR_SPEC_URL} (${(err as Error).message}); pass --spec PATH or set SUBTENSOR_SPEC`,
      { cause: err },
    );
  }
  const digest = sha256Hex(body);
  if (digest !== SUBTENSOR_SPEC_SHA256) {
    throw new SpecChecksumError(
      `downloaded subtensor chain spec has sha256 ${digest}, expected ${SUBTENSOR_SPEC_SHA256}`,
    );
  }
  writeFileAtomic(cached, body, 0o644);
  return { text: Buffer.from(body).toString('utf8'), sha256: digest, source: SUBTENSOR_SPEC_URL };
}

/** A spec file the user named: readable, and JSON (a clear message instead of JSON.parse's). */
function readExplicitSpec(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read the subtensor chain spec ${path}: ${(err as Error).message}`);
  }
  try {
    JSON.parse(text);
  } catch {
    throw new UserError(`subtensor chain spec ${path} is not JSON: pass a runtimeGenesis chain spec file`);
  }
  return text;
}
