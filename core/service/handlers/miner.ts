import type { AreaFactory } from './types.js';
import { ComponentLifecycle } from '../node-runtime/component-lifecycle.js';
import { startNetworkMiner } from '../node-runtime/network-miner.js';
import { startEngineMiner } from '../node-runtime/engine-node.js';
import { detectProtocol } from '../node-runtime/detect-protocol.js';
import { practiceNetworkFor } from '../node-runtime/practice-network-for.js';
import { loggingEmit } from '../node-runtime/logging-emit.js';

/**
 * miner.start/stop/status: on `practice` the embedded practice network (our miner answered by our
 * validator round after round); elsewhere the real miner with the user's hotkey, in the protocol the
 * network speaks (settings `mining.protocol`, `auto` = read from the chain): v10 = our own axon miner,
 * 2026 = the official sn2-miner, supervised. Status changes are `status` events; stop (and shutdown)
 * lets in-flight proofs finish.
 */
export const minerHandlers: AreaFactory = (ctx) => {
  const emit = loggingEmit(ctx);
  const life = new ComponentLifecycle('miner', emit);
  return {
    handlers: {
      'miner.status': async () => life.status(),
      'miner.start': () =>
        life.start(async (progress) => {
          const settings = ctx.settings.get();
          if (settings.network === 'practice')
            return practiceNetworkFor(ctx).join('miner', settings, progress);
          progress(`finding out which protocol ${settings.network} speaks…`);
          const decision = await detectProtocol({
            network: settings.network,
            netuid: settings.netuid,
            chainEndpoint: settings.chainEndpoint,
            choice: settings.mining.protocol,
          });
          emit({
            type: 'log',
            level: 'info',
            component: 'miner',
            msg: `protocol ${decision.protocol} (${decision.source}): ${decision.evidence.join('; ')}`,
            at: Date.now(),
          });
          return decision.protocol === '2026'
            ? startEngineMiner({ ...ctx, emit }, settings, progress)
            : startNetworkMiner({ ...ctx, emit }, settings, progress);
        }),
      'miner.stop': () => life.stop(),
    },
    dispose: async () => {
      await life.stop();
    },
  };
};
