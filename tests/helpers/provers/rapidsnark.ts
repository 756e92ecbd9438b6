/**
 * The real rapidsnark `prover`, built once from the vendored source (shared/vendor/rapidsnark/build.sh,
 * ~10 s) into a cache folder keyed by the build script and the vendored files' provenance, and reused by
 * every test file and the benchmark. `.ci/run` may build it first and point SN2_RAPIDSNARK_DIR at it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../shared.js';

export function rapidsnarkDir(): string {
  const preset = process.env.SN2_RAPIDSNARK_DIR;
  if (preset && existsSync(join(preset, 'prover'))) return preset;
  const vendor = sharedPath('vendor', 'rapidsnark');
  const key = createHash('sha256')
    .update(readFileSync(join(vendor, 'build.sh')))
    .update(readFileSync(join(vendor, 'PROVENANCE.tsv')))
    .update(process.env.RAPIDSNARK_USE_ASM ?? 'ON')
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `sn2-rapidsnark-${key}`);
  if (existsSync(join(dir, 'prover'))) return dir;
  // Build beside the cache folder, then rename: test files building at once never see half a build.
  const building = mkdtempSync(`${dir}.build-`);
  try {
    execFileSync(join(vendor, 'build.sh'), [building], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      renameSync(building, dir);
    } catch {
      if (!existsSync(join(dir, 'prover'))) throw new Error(`could not place the rapidsnark build at ${dir}`);
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

export const rapidsnarkBinary = (): string => join(rapidsnarkDir(), 'prover');
