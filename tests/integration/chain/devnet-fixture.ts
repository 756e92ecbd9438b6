import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureOrSkip, sharedPath } from '../../helpers/shared.js';

/** The spec-293 fixture: $SUBTENSOR_SPEC (CI) or the shared folder. Absent: suites skip with a warning, or fail under CI=true. */
export function fixtureSpecPath(): string | undefined {
  return fixtureOrSkip(
    'the subtensor chain spec (SUBTENSOR_SPEC or fixtures/subtensor/aura-dev-spec293.json)',
    process.env.SUBTENSOR_SPEC,
    sharedPath('fixtures', 'subtensor', 'aura-dev-spec293.json'),
  );
}

/** Raw genesis cache shared by test files (keyed by the spec's sha256 inside). */
export const DEVNET_TEST_CACHE = join(tmpdir(), 'sn2-devnet-test-cache');
