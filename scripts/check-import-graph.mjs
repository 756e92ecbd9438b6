// Fails when core/ has an import cycle (type-only imports included: they tie modules together just the same)
// or an upward import. Run by `npm run lint`.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { layerViolation, REPO_ROOT } from './core-layers.mjs';

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    join(base, 'index.ts'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** file → the core files it imports. */
export function importGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const deps = new Set();
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (target && target.startsWith(root)) deps.add(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) cycles.push(scc);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

export function checkCore(root = join(REPO_ROOT, 'core')) {
  const graph = importGraph(root);
  const problems = [];
  for (const cycle of importCycles(graph))
    problems.push(
      `import cycle: ${cycle
        .map((f) => relative(REPO_ROOT, f))
        .sort()
        .join(' ↔ ')}`,
    );
  for (const [file, deps] of graph)
    for (const dep of deps) {
      const why = layerViolation(file, dep);
      if (why) problems.push(`${relative(REPO_ROOT, file)} → ${relative(REPO_ROOT, dep)}: ${why}`);
    }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkCore();
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`core/ import graph: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('core/ import graph: no cycles, every import goes down a layer');
}
