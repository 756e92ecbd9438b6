import type { AreaFactory } from './types.js';
import { detectHardware } from '../../hardware/detect.js';

export const hardwareHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'hardware.get': () => detectHardware(ctx.paths.root),
  },
});
