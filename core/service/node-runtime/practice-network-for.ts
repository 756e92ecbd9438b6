import type { ServiceContext } from '../service-context.js';
import { PracticeNetwork } from './practice-network.js';
import { loggingEmit } from './logging-emit.js';

const networks = new WeakMap<ServiceContext, PracticeNetwork>();

/** The one practice network of a CoreService, shared by its miner and validator handlers. */
export function practiceNetworkFor(ctx: ServiceContext): PracticeNetwork {
  let n = networks.get(ctx);
  if (!n) {
    n = new PracticeNetwork({
      dataDir: ctx.paths.root,
      emit: loggingEmit(ctx),
      logger: ctx.logger,
      host: ctx.host,
    });
    networks.set(ctx, n);
  }
  return n;
}
