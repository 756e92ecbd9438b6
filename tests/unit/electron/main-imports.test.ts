import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { processSplitProblems } from '../../../scripts/packaging/process-split.js';

const root = process.cwd();

/** Relative modules a file loads at run time (type-only imports are erased by the compiler). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
    .filter((f) => existsSync(f));
}

function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(root, entry)];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...runtimeImports(file));
  }
  return [...seen].map((f) => relative(root, f).split('\\').join('/')).sort();
}

describe('the desktop main process holds no mining code', () => {
  it('electron/main.ts reaches no core/service, miner, validator, provers, chain or practice module', () => {
    const files = reachable('electron/main.ts');
    expect(files).toContain('electron/core-supervisor.ts');
    expect(files.filter((f) => /^core\/(?!contract\/|util\/)/.test(f))).toEqual([]);
  });

  it('the core process entry is where the core lives', () => {
    const files = reachable('electron/core-process.ts');
    for (const area of ['core/service/core-service.ts', 'core/miner/miner.ts', 'core/provers/engine.ts'])
      expect(files).toContain(area);
  });

  it('the import scanner ignores type-only imports and follows value imports (self-check)', () => {
    const files = reachable('electron/ipc.ts');
    expect(files).toContain('electron/security.ts');
    expect(files).not.toContain('core/contract/bridge.ts'); // `import type` only
  });

  it('dist:check refuses a main bundle that loads core packages, or a missing core bundle', () => {
    expect(processSplitProblems('require("electron");', 'serveCoreProcess')).toEqual([]);
    expect(processSplitProblems('require("snarkjs"); class Miner {}', null)).toEqual([
      'dist-electron/core-process.cjs is missing: the app could not start its core',
      'the main bundle requires snarkjs: core code leaked into the main process',
      'the main bundle contains the core (CoreService, miner or validator classes)',
    ]);
  });
});
