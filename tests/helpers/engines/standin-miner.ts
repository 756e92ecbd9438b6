/**
 * A release asset of `sn2-miner` for installer tests: a raw executable, like upstream's (spec sn2-2026.md
 * §2.1), that runs the one spec-written stand-in (`tests/helpers/sn2-miner-standin.mjs`: the §2.5 command
 * line with clap's rejections, the §3.2 version line first, §2.8 signals) at a given version and variant.
 * `libssl-missing` is what the dynamic loader prints instead when OpenSSL 3 is missing (§2.1, exit 127).
 * Padding after the script makes the asset large enough to cut a download mid-way.
 */
import { createHash } from 'node:crypto';
import { standinScript } from '../engine-standin.js';

export type StandinVariant = 'single' | 'multi' | 'libssl-missing';

export function standinMiner(version = '14.6.0', variant: StandinVariant = 'single'): Buffer {
  const padding = Array.from(
    { length: 1500 },
    (_, i) => `# ${createHash('sha256').update(`${version}${i}`).digest('hex')}`,
  ).join('\n');
  const script =
    variant === 'libssl-missing'
      ? `#!/bin/sh\necho "$0: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory" >&2\nexit 127\n`
      : standinScript({
          STANDIN_VERSION: version,
          ...(variant === 'multi' ? { STANDIN_VARIANT: 'multi' } : {}),
        });
  return Buffer.from(`${script}${padding}\n`);
}
