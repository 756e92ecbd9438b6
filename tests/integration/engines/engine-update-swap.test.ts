import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/index.js';
import {
  readEngineManifest,
  writeEngineManifest,
  type InstalledEngine,
} from '../../../core/engines/installed-engine.js';
import { launchEngine } from '../../../core/engines/run/launch-engine.js';
import { engineSupport } from '../../../core/engines/install/platform.js';
import { engineLabel, locateEngine, type EngineBinary } from '../../../core/engines/run/locate-engine.js';
import { swapEngine } from '../../../core/engines/run/update-swap.js';
import { engineHome, freeUdpPort, launchConfig, standinBinary } from '../../helpers/engine-standin.js';

function installed(path: string, tag: string): InstalledEngine {
  return {
    channel: 'mainnet',
    tag,
    asset: 'sn2-miner-linux-x86_64',
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    path,
    verifiedAt: new Date().toISOString(),
  };
}

const linux = engineSupport('linux', 'x64');
const locate = (dataRoot: string) => locateEngine(dataRoot, linux);

async function setup(nextEnv: Record<string, string>) {
  const home = engineHome();
  const dataRoot = home.dir;
  const old = installed(standinBinary(home.dir, 'old-sn2-miner', { STANDIN_VERSION: '14.6.0' }), '14.6.0');
  const events: CoreEvent[] = [];
  const port = await freeUdpPort();
  const launch = (binary: EngineBinary) =>
    launchEngine(
      {
        binary,
        config: launchConfig(home, port),
        hotkeyFile: home.hotkeyFile,
        emit: (e) => events.push(e),
        supervisor: {
          stopTimeoutMs: 5000,
          backoff: { initialMs: 20, maxMs: 50 },
          crashLoop: { max: 2, windowMs: 60_000 },
        },
      },
      () => undefined,
    );
  writeEngineManifest(dataRoot, { version: 1, active: old });
  const running = await locate(dataRoot);
  const current = await launch(running);
  // The installer placed a new version: it becomes active, the running one previous.
  const next = installed(
    standinBinary(home.dir, 'new-sn2-miner', { STANDIN_VERSION: '14.7.0', ...nextEnv }),
    '14.7.0',
  );
  writeEngineManifest(dataRoot, { version: 1, active: next, previous: old });
  return { dataRoot, old, next, current, running, launch };
}

describe('engine update swap between proofs', () => {
  it('stops the running engine and starts the new active one', async () => {
    const s = await setup({});
    const r = await swapEngine({
      dataRoot: s.dataRoot,
      current: s.current,
      running: s.running,
      launch: s.launch,
      locate: () => locate(s.dataRoot),
    });
    expect([r.rolledBack, engineLabel(r.running), r.supervisor.version]).toEqual([false, '14.7.0', '14.7.0']);
    expect(readEngineManifest(s.dataRoot).active?.tag).toBe('14.7.0');
    await r.supervisor.stop();
  });

  it('rolls back to the previous version when the new one does not start', async () => {
    const s = await setup({ STANDIN_EXIT_CODE: '101', STANDIN_ERROR: 'broken build' });
    const r = await swapEngine({
      dataRoot: s.dataRoot,
      current: s.current,
      running: s.running,
      launch: s.launch,
      locate: () => locate(s.dataRoot),
    });
    expect([r.rolledBack, engineLabel(r.running), r.supervisor.version]).toEqual([true, '14.6.0', '14.6.0']);
    expect(r.reason).toMatch(/^sn2-miner 14\.7\.0 did not start \(.*crashed.*\); back on 14\.6\.0$/);
    const manifest = readEngineManifest(s.dataRoot);
    expect([manifest.active?.tag, manifest.previous?.tag]).toEqual(['14.6.0', '14.7.0']);
    await r.supervisor.stop();
  });

  it('refuses an installed binary that changed since it was verified', async () => {
    const s = await setup({});
    await s.current.stop();
    const { appendFileSync } = await import('node:fs');
    appendFileSync(s.next.path, '# tampered\n');
    await expect(locate(s.dataRoot)).rejects.toThrow(/changed since it was verified/);
  });
});
