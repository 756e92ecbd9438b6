import { arch, platform } from 'node:os';
import type { AreaFactory } from './types.js';
import { APP_VERSION } from '../../contract/version.js';

export const appHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'app.info': async () => ({
      version: APP_VERSION,
      dataDir: ctx.paths.root,
      platform: platform(),
      arch: arch(),
    }),
    'settings.get': async () => ctx.settings.get(),
    'settings.update': async (patch) => ctx.settings.update(patch),
    'proofLog.list': async (filter) => ctx.proofLog.list(filter),
  },
});
