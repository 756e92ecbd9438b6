import type { AreaFactory } from './types.js';
import { ComponentLifecycle } from '../node-runtime/component-lifecycle.js';
import { startNetworkMiner } from '../node-runtime/network-miner.js';
import { practiceNetworkFor } from '../node-runtime/practice-network-for.js';
import { loggingEmit } from '../node-runtime/logging-emit.js';

/**
 * miner.start/stop/status: on `practice` the embedded practice network (our miner answered by our
 * validator round after round); elsewhere the real miner with the user's hotkey. Status changes are
 * `status` events; stop (and shutdown) lets in-flight proofs finish.
 */
export const minerHandlers: AreaFactory = (ctx) => {
  const emit = loggingEmit(ctx);
  const life = new ComponentLifecycle('miner', emit);
  return {
    handlers: {
      'miner.status': async () => life.status(),
      'miner.start': () =>
        life.start((progress) => {
          const settings = ctx.settings.get();
          return settings.network === 'practice'
            ? practiceNetworkFor(ctx).join('miner', settings, progress)
            : startNetworkMiner({ ...ctx, emit }, settings, progress);
        }),
      'miner.stop': () => life.stop(),
    },
    dispose: async () => {
      await life.stop();
    },
  };
};
