import { defineConfig } from 'vitest/config';

// Two projects: node-side tests (core, electron with a mocked electron module) and renderer
// component tests in happy-dom (jsdom breaks @polkadot/util-crypto's SS58 checksums).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{unit,integration,conformance}/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
