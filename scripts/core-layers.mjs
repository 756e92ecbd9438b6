// The layers of core/, bottom to top (docs/ARCHITECTURE.md draws the same picture). A folder may import only
// from folders on a lower layer (or from itself); folders on one layer are independent of each other.
// Checked by ESLint (`layers/one-way` in eslint.config.js) and, for cycles, by scripts/check-import-graph.mjs.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORE_LAYERS = [
  ['util'],
  ['contract'],
  ['bittensor', 'circuits', 'hardware', 'net'],
  ['chain', 'sn2', 'provers', 'btlightning'],
  ['miner', 'validator', 'engines', 'economics'],
  ['practice', 'protocols'],
  ['service'],
  ['ui-server'],
  ['cli'],
];

const LAYER_OF = new Map(CORE_LAYERS.flatMap((areas, i) => areas.map((a) => [a, i])));

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = resolve(REPO_ROOT, 'core');

/** `miner` for core/miner/x.ts; undefined outside core/. */
export function coreAreaOf(absPath) {
  const rel = relative(CORE, absPath);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0];
}

export const layerOf = (area) => LAYER_OF.get(area);

/** Why `fromFile` may not import `toFile` (absolute paths), or undefined when it may. */
export function layerViolation(fromFile, toFile) {
  const from = coreAreaOf(fromFile);
  const to = coreAreaOf(toFile);
  if (from === undefined || to === undefined || from === to) return undefined;
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === undefined)
    return `core/${from} is not in the layer table (scripts/core-layers.mjs): add it to a layer`;
  if (b === undefined)
    return `core/${to} is not in the layer table (scripts/core-layers.mjs): add it to a layer`;
  if (b < a) return undefined;
  return b === a
    ? `core/${from} and core/${to} are on the same layer and stay independent (scripts/core-layers.mjs)`
    : `core/${from} (layer ${a}) may not import core/${to} (layer ${b}): imports go down only (scripts/core-layers.mjs)`;
}
