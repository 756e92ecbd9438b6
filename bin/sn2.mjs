#!/usr/bin/env node
// The `sn2` command: runs the TypeScript core through tsx's loader (no build step needed for the CLI).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli/main.ts');
await main(process.argv);
