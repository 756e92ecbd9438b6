import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AsarEntry } from './asar-inventory.js';
import { packageOf } from './package-rules.js';

export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Largest contributors, grouped by package (node_modules) or top-level folder (the app's own files). */
export function largestGroups(
  entries: readonly AsarEntry[],
  count: number,
): Array<{ group: string; bytes: number }> {
  const sizes = new Map<string, number>();
  for (const e of entries) {
    const group =
      packageOf(e.path) ??
      e.path
        .split('/')
        .slice(0, e.path.startsWith('resources/') ? 2 : 1)
        .join('/');
    sizes.set(group, (sizes.get(group) ?? 0) + e.size);
  }
  return [...sizes]
    .map(([group, bytes]) => ({ group, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
