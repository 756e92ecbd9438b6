import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

const externals = [
  'electron',
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
].map((m) => new RegExp(`^${m.replace(/[/.]/g, '\\$&')}(/.*)?$`));

const workerDir = 'core/provers/worker';

// Electron main, the core's utility process, and preload, as CommonJS in dist-electron/. Four builds
// (`--mode core`, `--mode preload` and `--mode worker` for the others): the main bundle holds windows,
// tray, updater and the supervisor; `core-process.cjs` holds the whole core (utilityProcess.fork runs
// it); a sandboxed preload may only require('electron'), so it must be one self-contained file; the
// prover pool's worker threads load `worker/bootstrap.mjs` and `worker/prover-worker.js` next to the
// core bundle (core/provers/pool.ts resolves them from its own URL).
// Runtime dependencies stay external (they ship in node_modules; native ones cannot be bundled).
export default defineConfig(({ mode }) => {
  if (mode === 'worker') {
    return {
      build: {
        ssr: true,
        target: 'node20',
        outDir: 'dist-electron/worker',
        emptyOutDir: false,
        minify: false,
        sourcemap: false,
        lib: { entry: `${workerDir}/prover-worker.ts`, formats: ['es'], fileName: () => 'prover-worker.js' },
        rollupOptions: { external: externals },
      },
      plugins: [
        {
          name: 'copy-worker-bootstrap',
          generateBundle() {
            this.emitFile({
              type: 'asset',
              fileName: 'bootstrap.mjs',
              source: readFileSync(`${workerDir}/bootstrap.mjs`, 'utf8'),
            });
          },
        },
      ],
    };
  }
  const preload = mode === 'preload';
  const entry =
    { preload: 'electron/preload.ts', core: 'electron/core-process.ts' }[mode] ?? 'electron/main.ts';
  const fileName = { preload: 'preload.cjs', core: 'core-process.cjs' }[mode] ?? 'main.cjs';
  return {
    build: {
      ssr: true,
      target: 'node20',
      outDir: 'dist-electron',
      // The main build runs first and starts from an empty folder; the others add to it.
      emptyOutDir: entry === 'electron/main.ts',
      minify: false,
      sourcemap: false,
      lib: { entry, formats: ['cjs'], fileName: () => fileName },
      rollupOptions: {
        external: preload ? ['electron'] : externals,
      },
    },
  };
});
