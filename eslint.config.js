import tseslint from 'typescript-eslint';
import globals from 'globals';
import { dirname, resolve } from 'node:path';
import { layerViolation } from './scripts/core-layers.mjs';

// One-way layers inside core/ (scripts/core-layers.mjs): every relative import must go down a layer.
const layersPlugin = {
  rules: {
    'one-way': {
      meta: { type: 'problem', schema: [], docs: { description: 'core/ imports go down a layer only' } },
      create(context) {
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const why = layerViolation(context.filename, resolve(dirname(context.filename), spec));
          if (why) context.report({ node: node.source, message: why });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

// Layer rules (VS Code style): core/ is plain Node and never reaches into electron or the renderer;
// the renderer sees the core only through the contract (zod schemas + types); electron/ only
// through the service facade.
const forbidElectronAndRenderer = {
  patterns: [
    {
      group: ['electron', 'electron/*', 'electron-updater'],
      message: 'core/ runs in plain Node: no electron imports.',
    },
    { group: ['**/renderer/**'], message: 'core/ must not import renderer code.' },
    { group: ['**/electron/**'], message: 'core/ must not import electron/ code.' },
  ],
};

// Miner and validator logic speak SN2's own messages through core/sn2/transport/sn2-transport.ts; the v10
// synapse model (bittensor/wire, the v10 adapters) stays behind the seam, so another protocol plugs in
// without touching them. The composition roots (practice, service, cli) pick the adapter.
const protocolNeutral = {
  patterns: [
    ...forbidElectronAndRenderer.patterns,
    {
      regex: '(^|/)bittensor/wire(/|$)',
      message:
        'Miner and validator logic use SN2 messages (core/sn2/transport/sn2-transport.ts), not the v10 wire model.',
    },
    {
      regex: '(^|/)sn2/transport/v10-',
      message:
        'The v10 adapter is chosen by a composition root (core/service, core/practice), not by miner/validator logic.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'coverage',
      'resources',
      'test-results',
      'playwright-report',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'no-restricted-imports': ['error', forbidElectronAndRenderer], 'layers/one-way': 'error' },
  },
  {
    files: ['core/miner/**/*.ts', 'core/validator/**/*.ts'],
    ignores: ['core/validator/api/**'],
    rules: { 'no-restricted-imports': ['error', protocolNeutral] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer never touches electron: use window.sn2.',
            },
            {
              // A regex: gitignore-style groups cannot re-include a folder under an excluded one.
              regex: '(^|/)core/(?!contract(/|$))',
              message: 'The renderer talks to the core only through core/contract.',
            },
          ],
        },
      ],
    },
  },
);
