import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeBinary, smokeTest } from '../../../core/engines/install/probe-binary.js';
import { standinMiner } from '../../helpers/engines/standin-miner.js';
import { STANDIN } from '../../helpers/engine-standin.js';

const helpLikeStandin = `[ "$1" = --help ] && exec "${process.execPath}" "${STANDIN}" --help\n`;

const dir = mkdtempSync(join(tmpdir(), 'sn2-probe-'));
const script = (name: string, body: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, body, { mode: 0o755 });
  return path;
};

describe('what an sn2-miner binary is (spec sn2-2026.md §2.1, §2.2, §2.5)', () => {
  it('reads the version from the first log line and the variant from --help', async () => {
    expect(await probeBinary(script('single', standinMiner('14.6.0')))).toEqual({
      version: '14.6.0',
      multiMiner: false,
    });
    expect(await probeBinary(script('multi', standinMiner('14.7.0', 'multi')))).toEqual({
      version: '14.7.0',
      multiMiner: true,
    });
  });

  it('gives up on a binary that never logs its version, and says how long it waited', async () => {
    // A foreign build: the stand-in's --help, then it runs without ever logging its version.
    const silent = script('silent', `#!/bin/sh\n${helpLikeStandin}sleep 30\n`);
    await expect(probeBinary(silent, 1500)).rejects.toThrow(
      /did not report its version \(no "sn2-miner version=" line within 1\.5 s\)/,
    );
  });

  it('names the failing --help, a missing glibc and a missing OpenSSL 3', async () => {
    const clap = script(
      'clap',
      '#!/bin/sh\necho "error: unexpected argument \'--help\' found" >&2\nexit 2\n',
    );
    await expect(smokeTest(clap)).rejects.toThrow(
      /"--help" exited with code 2: error: unexpected argument '--help' found/,
    );
    const glibc = script(
      'glibc',
      "#!/bin/sh\ncat >&2 <<'EOF'\nsn2-miner: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.35' not found (required by sn2-miner)\nEOF\nexit 1\n",
    );
    await expect(smokeTest(glibc)).rejects.toThrow(/needs a newer C library \(glibc 2\.35 or later/);
    await expect(smokeTest(script('ssl', standinMiner('1.0.0', 'libssl-missing')))).rejects.toThrow(
      /install OpenSSL 3/,
    );
  });
});
