import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../../helpers/shared.js';

/** The spec-293 fixture: $SUBTENSOR_SPEC (CI) or the shared folder. Tests skip with a message when absent. */
export function fixtureSpecPath(): string | undefined {
  const candidates = [
    process.env.SUBTENSOR_SPEC,
    sharedPath('fixtures', 'subtensor', 'aura-dev-spec293.json'),
  ];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/** Raw genesis cache shared by test files (keyed by the spec's sha256 inside). */
export const DEVNET_TEST_CACHE = join(tmpdir(), 'sn2-devnet-test-cache');
