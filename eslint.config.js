import tseslint from 'typescript-eslint';
import globals from 'globals';

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

// Miner and validator logic reach the network only through core/bittensor/transport.ts, so another
// transport (v11 plain HTTP, QUIC) plugs in without touching them.
const onlyThroughTransport = {
  patterns: [
    ...forbidElectronAndRenderer.patterns,
    {
      regex: '(^|/)bittensor/wire/(axon|dendrite)(\\.js)?$',
      message: 'Serve and call peers through core/bittensor/transport.ts (TransportServer/TransportClient).',
    },
    {
      regex: '(^|/)bittensor/wire(/index(\\.js)?)?$',
      importNames: ['Axon', 'Dendrite'],
      message: 'Serve and call peers through core/bittensor/transport.ts (TransportServer/TransportClient).',
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
  { files: ['core/**/*.ts'], rules: { 'no-restricted-imports': ['error', forbidElectronAndRenderer] } },
  {
    files: ['core/{miner,validator,practice,service}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', onlyThroughTransport] },
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
