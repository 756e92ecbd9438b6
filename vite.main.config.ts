import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

// Electron main and preload, as CommonJS in dist-electron/. Two builds (`--mode preload` for the
// second): a sandboxed preload may only require('electron'), so it must be one self-contained file.
// Runtime dependencies stay external (they ship in node_modules; native ones cannot be bundled).
export default defineConfig(({ mode }) => {
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
        external: preload
          ? ['electron']
          : [
              'electron',
              ...Object.keys(pkg.dependencies),
              ...builtinModules,
              ...builtinModules.map((m) => `node:${m}`),
            ].map((m) => new RegExp(`^${m.replace(/[/.]/g, '\\$&')}(/.*)?$`)),
      },
    },
  };
});
