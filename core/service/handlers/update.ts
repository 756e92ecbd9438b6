import type { AreaFactory } from './types.js';
import type { UpdateState } from '../../contract/index.js';

/** Where the core runs without an updater (`sn2 ui`, the CLI); the Electron main serves these itself. */
export const NO_UPDATER = {
  kind: 'unsupported',
  reason:
    'this build has no self-updater; update it the way it was installed (npm, a package manager or git)',
} as const satisfies UpdateState;

export const updateHandlers: AreaFactory = () => ({
  handlers: {
    'update.status': async () => NO_UPDATER,
    'update.check': async () => NO_UPDATER,
    'update.restart': async () => ({ restarted: false, reason: NO_UPDATER.reason }),
  },
});
