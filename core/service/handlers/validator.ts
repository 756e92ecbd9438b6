import type { AreaFactory } from './types.js';
import { ComponentLifecycle } from '../node-runtime/component-lifecycle.js';
import { startNetworkValidator } from '../node-runtime/network-validator.js';
import { practiceNetworkFor } from '../node-runtime/practice-network-for.js';
import { loggingEmit } from '../node-runtime/logging-emit.js';

/**
 * validator.start/stop/status: on `practice` the validator side of the embedded practice network
 * (querying our practice miner round after round); elsewhere the real validator with the user's hotkey
 * and the external API / metrics / proof publishing its settings switch on. Status changes are
 * `status` events; stop (and shutdown) lets in-flight requests finish and persists scores.
 */
export const validatorHandlers: AreaFactory = (ctx) => {
  const emit = loggingEmit(ctx);
  const life = new ComponentLifecycle('validator', emit);
  return {
    handlers: {
      'validator.status': async () => life.status(),
      'validator.start': () =>
        life.start((progress) => {
          const settings = ctx.settings.get();
          return settings.network === 'practice'
            ? practiceNetworkFor(ctx).join('validator', settings, progress)
            : startNetworkValidator({ ...ctx, emit }, settings, progress);
        }),
      'validator.stop': () => life.stop(),
    },
    dispose: async () => {
      await life.stop();
    },
  };
};
