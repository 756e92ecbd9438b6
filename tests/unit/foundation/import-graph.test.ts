import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCore, importCycles, importGraph } from '../../../scripts/check-import-graph.mjs';
import { layerViolation, REPO_ROOT } from '../../../scripts/core-layers.mjs';

const core = (p: string) => join(REPO_ROOT, 'core', p);

describe('core/ import graph', () => {
  it('has no cycle and no upward import (the check `npm run lint` runs)', () => {
    expect(checkCore()).toEqual([]);
  });

  it('finds a cycle, type-only imports included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(
        join(dir, 'a', 'one.ts'),
        "import type { Two } from './two.js';\nexport type One = Two;\n",
      );
      writeFileSync(
        join(dir, 'a', 'two.ts'),
        "import { one } from './three.js';\nexport type Two = typeof one;\n",
      );
      writeFileSync(
        join(dir, 'a', 'three.ts'),
        "export { type One } from './one.js';\nexport const one = 1;\n",
      );
      writeFileSync(join(dir, 'a', 'free.ts'), "import { one } from './three.js';\nexport const f = one;\n");
      const cycles = importCycles(importGraph(dir));
      expect(cycles.map((c) => c.map((f) => f.slice(dir.length + 3)).sort())).toEqual([
        ['one.ts', 'three.ts', 'two.ts'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('allows imports down a layer and refuses upward, same-layer and unlisted ones', () => {
    expect(layerViolation(core('service/x.ts'), core('miner/miner.ts'))).toBeUndefined();
    expect(layerViolation(core('miner/x.ts'), core('contract/events.ts'))).toBeUndefined();
    expect(layerViolation(core('miner/x.ts'), core('miner/routes/y.ts'))).toBeUndefined();
    expect(layerViolation(core('miner/x.ts'), core('service/core-service.ts'))).toMatch(
      /may not import core\/service/,
    );
    expect(layerViolation(core('contract/x.ts'), core('chain/client.ts'))).toMatch(/imports go down only/);
    expect(layerViolation(core('miner/x.ts'), core('validator/validator.ts'))).toMatch(/same layer/);
    expect(layerViolation(core('newarea/x.ts'), core('util/paths.ts'))).toMatch(/not in the layer table/);
    expect(layerViolation(join(REPO_ROOT, 'electron/main.ts'), core('miner/miner.ts'))).toBeUndefined();
  });
});
