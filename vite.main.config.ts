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

// Electron main and preload, as CommonJS in dist-electron/. Three builds (`--mode preload` and
// `--mode worker` for the others): a sandboxed preload may only require('electron'), so it must be one
// self-contained file; the prover pool's worker threads load `worker/bootstrap.mjs` and
// `worker/prover-worker.js` next to the main bundle (core/provers/pool.ts resolves them from its own URL).
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
  return {
    build: {
      ssr: true,
      target: 'node20',
      outDir: 'dist-electron',
      emptyOutDir: !preload,
      minify: false,
      sourcemap: false,
      lib: {
        entry: preload ? 'electron/preload.ts' : 'electron/main.ts',
        formats: ['cjs'],
        fileName: () => (preload ? 'preload.cjs' : 'main.cjs'),
      },
      rollupOptions: {
        external: preload ? ['electron'] : externals,
      },
    },
  };
});
