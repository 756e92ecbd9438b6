import type { AreaFactory } from './types.js';
import { Keypair } from '../../bittensor/keys/index.js';
import { loadHotkey } from '../../bittensor/wallet/index.js';
import { probeQuic, splitQuicTarget } from '../../btlightning/probe.js';

/**
 * Reachability of the 2026 miner: `probe.quic` makes one btlightning handshake as a validator would (spec
 * sn2-2026 §4.9). Signed with the wallet's hotkey, or with a throw-away key (what the doctor uses: the miner's log
 * then names a key that only this probe used).
 */
export const reachabilityHandlers: AreaFactory = (ctx) => ({
  handlers: {
    'probe.quic': async (input) => {
      const { wallet } = ctx.settings.get();
      const signer =
        input.key === 'fresh'
          ? await Keypair.fromSeed(crypto.getRandomValues(new Uint8Array(32)))
          : await loadHotkey({ name: wallet.name, hotkey: wallet.hotkey, path: wallet.path });
      const { host, port } = splitQuicTarget(input.target);
      const result = await probeQuic({
        host,
        port,
        signer,
        ...(input.expectHotkey ? { expectHotkey: input.expectHotkey } : {}),
        ...(input.timeoutMs ? { connectTimeoutMs: input.timeoutMs, replyTimeoutMs: input.timeoutMs } : {}),
      });
      ctx.logger.info({ probe: result }, `btlightning probe of ${result.target}: ${result.message}`);
      return result;
    },
  },
});
