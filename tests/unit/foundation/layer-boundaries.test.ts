import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const importSpecifiers = (text: string): string[] =>
  [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);

describe('layer boundaries', () => {
  it('core/ never imports electron, electron/ or renderer/ code', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'core'))) {
      for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
        const forbidden =
          spec === 'electron' ||
          spec.startsWith('electron/') ||
          spec === 'electron-updater' ||
          /(^|\/)(renderer|electron)(\/|$)/.test(spec);
        if (forbidden) offenders.push(`${relative(root, file)} imports "${spec}"`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the import scanner catches the forms it must (self-check)', () => {
    const sample = `import x from 'electron';\nconst y = require("../../renderer/src/app");\nawait import('electron/main');`;
    expect(importSpecifiers(sample)).toEqual(['electron', '../../renderer/src/app', 'electron/main']);
  });
});
