// Child process for the kill -9 test: two installed engines, rolled back and forth as fast as it can until killed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activateEngine, rollbackEngine } from '../../../core/engines/install/activate.js';
import { engineDir, type InstalledEngine } from '../../../core/engines/installed-engine.js';

const dataRoot = process.argv[2];
const engine = (tag: string): InstalledEngine => {
  const dir = join(engineDir(dataRoot), tag);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sn2-miner'), `#!/bin/sh\n# ${tag}\n`, { mode: 0o755 });
  return {
    channel: 'mainnet',
    tag,
    asset: 'sn2-miner-linux-x86_64',
    sha256: '0'.repeat(64),
    path: join(dir, 'sn2-miner'),
    verifiedAt: new Date(0).toISOString(),
    version: tag,
  };
};
activateEngine(dataRoot, engine('14.6.0'));
activateEngine(dataRoot, engine('14.7.0'));
process.stdout.write('ready\n');
for (;;) rollbackEngine(dataRoot);
