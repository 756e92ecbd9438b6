// The one contract between the core and every front end. Plain zod + types: safe to import from the
// renderer, the preload, the web bridge and the CLI (no Node APIs here).
export * from './settings.js';
export * from './events.js';
export * from './hardware.js';
export * from './provers.js';
export * from './commands.js';
export * from './signing.js';
export * from './metrics.js';
export * from './protocol.js';
export * from './engine.js';
export * from './refusals.js';
export * from './btlightning.js';
export * from './reachability.js';
export * from './economics.js';
