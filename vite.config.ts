import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one static bundle in dist/, loaded by Electron (app:// protocol) and served by `sn2 ui`.
export default defineConfig({
  root: 'renderer',
  plugins: [react()],
  // Relative asset URLs: the same build works under app://renderer/ and http://host:port/.
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
