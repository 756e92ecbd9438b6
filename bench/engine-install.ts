// npm run bench:engine-install — what verifying and installing the official sn2-miner costs (spec sn2-2026.md §2.3):
// the Sigstore bundle check of SHA256SUMS, a whole install from a loopback release server (download, SHA-256,
// smoke test, version probe, placement) of a 40 MiB stand-in, and the re-hash the runtime does before each start.
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installEngine } from '../core/engines/install/install.js';
import { verifyInstalledEngine } from '../core/engines/install/manage.js';
import { engineSupport } from '../core/engines/install/platform.js';
import { releaseWorkflowIdentity, verifySha256SumsSignature } from '../core/engines/install/signature.js';
import { createTestSigstore } from '../tests/helpers/engines/test-sigstore.js';
import { startEngineReleaseServer } from '../tests/helpers/engines/engine-release-server.js';
import { standinMiner } from '../tests/helpers/engines/standin-miner.js';

const MiB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

console.log(
  `# engine install benchmark — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const sigstore = createTestSigstore();
const trust = { trustedRoot: sigstore.trustedRoot, origin: 'bench' };
const sums = Buffer.from(`${'a'.repeat(64)}  sn2-miner-linux-x86_64\n`);
const bundle = Buffer.from(sigstore.signBlob(sums, { identity: releaseWorkflowIdentity('14.6.0') }));
const verifies: number[] = [];
for (let i = 0; i < 50; i++)
  verifies.push(
    await time(() =>
      verifySha256SumsSignature({ bundleJson: bundle, sha256sums: sums, tag: '14.6.0', trust }),
    ),
  );
console.log(`signature check (bundle over SHA256SUMS): median ${median(verifies).toFixed(2)} ms of 50`);

const server = await startEngineReleaseServer(sigstore);
const binary = Buffer.concat([standinMiner('14.6.0'), Buffer.alloc(40 * MiB, '# padding\n')]);
server.publish({ tag: '14.6.0', binary });
const installs: number[] = [];
const rehashes: number[] = [];
for (let i = 0; i < 3; i++) {
  const dataRoot = mkdtempSync(join(tmpdir(), 'sn2-bench-engine-'));
  installs.push(
    await time(() =>
      installEngine({
        dataRoot,
        channel: 'mainnet',
        apiBase: server.apiBase,
        trust: async () => trust,
        support: engineSupport('linux', 'x64'),
      }),
    ),
  );
  rehashes.push(await time(() => verifyInstalledEngine(dataRoot, engineSupport('linux', 'x64'))));
  rmSync(dataRoot, { recursive: true, force: true });
}
await server.close();
console.log(
  `install of a ${(binary.length / MiB).toFixed(0)} MiB release over loopback: median ${median(installs).toFixed(0)} ms of 3`,
);
console.log(
  `re-hash before start (verifyInstalledEngine, ${(binary.length / MiB).toFixed(0)} MiB): median ${median(rehashes).toFixed(0)} ms of 3`,
);
