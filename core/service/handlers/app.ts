import { arch, platform } from 'node:os';
import type { AreaFactory } from './types.js';
import { APP_VERSION } from '../../contract/version.js';
import { approveNativePath, nativePathChanges } from '../native-path-approval.js';

export const appHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'app.info': async () => ({
      version: APP_VERSION,
      dataDir: ctx.paths.root,
      platform: platform(),
      arch: arch(),
    }),
    'settings.get': async () => ctx.settings.get(),
    'settings.update': async (patch) => {
      // A new native executable path is confirmed outside the UI and self-tested before it is saved.
      for (const change of nativePathChanges(ctx.settings.get(), ctx.settings.check(patch)))
        await approveNativePath(change, ctx.host);
      return ctx.settings.update(patch);
    },
    'proofLog.list': async (filter) => ctx.proofLog.list(filter),
  },
});
