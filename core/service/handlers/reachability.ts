import type { AreaFactory } from './types.js';
import { Keypair } from '../../bittensor/keys/index.js';
import { loadHotkey } from '../../bittensor/wallet/index.js';
import { probeQuic, splitQuicTarget } from '../../btlightning/probe.js';
import { loadQuic } from '../../btlightning/quic-runtime.js';
import { lanIpv4 } from '../../net/local-addresses.js';
import { UdpPortMapper, type PortMapperOptions } from '../../net/port-mapping.js';
import { errorMessage } from '../../util/errors.js';

/**
 * Reachability of the 2026 miner. `probe.quic` makes one btlightning handshake as a validator would (spec sn2-2026
 * §4.9), signed with the wallet's hotkey or a throw-away key. `portMapping.*` asks the router to forward the UDP
 * port; with the `axon.openRouterPort` consent that happens whenever the miner starts, and the mapping is removed
 * when it stops and when the app closes.
 */
export function reachabilityArea(mapperOptions: Partial<PortMapperOptions> = {}): AreaFactory {
  return (ctx) => {
    const mapper = new UdpPortMapper({
      internalHost: lanIpv4,
      ...mapperOptions,
      onChange: (state) => ctx.logger.info({ portMapping: state }, `port mapping: ${state.message}`),
    });
    // Said once at start-up, so a platform without the QUIC library's native part shows in the log before any probe.
    void loadQuic().catch((err: unknown) => ctx.logger.warn({ err }, errorMessage(err)));
    const minerPort = async () => {
      const status = await ctx.invoke('miner.status', {});
      return status.axon?.port ?? ctx.settings.get().axon.port;
    };
    const unsubscribe = ctx.onEvent((event) => {
      if (event.type !== 'status' || event.component !== 'miner') return;
      const follow =
        event.state === 'running' && ctx.settings.get().axon.openRouterPort
          ? minerPort().then((port) => mapper.open(port))
          : event.state !== 'running' && event.state !== 'starting' && mapper.state.state !== 'off'
            ? mapper.close()
            : undefined;
      void follow
        ?.then((state) => {
          if (state.state === 'failed') {
            ctx.emit({
              type: 'notification',
              level: 'warning',
              title: 'Router port not opened',
              body: state.message,
            });
          }
        })
        .catch((err: unknown) => ctx.logger.warn({ err }, `port mapping: ${errorMessage(err)}`));
    });

    return {
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
            ...(input.timeoutMs
              ? { connectTimeoutMs: input.timeoutMs, replyTimeoutMs: input.timeoutMs }
              : {}),
          });
          ctx.logger.info({ probe: result }, `btlightning probe of ${result.target}: ${result.message}`);
          return result;
        },
        'portMapping.status': async () => mapper.state,
        'portMapping.open': async (input) => mapper.open(input.port ?? (await minerPort())),
        'portMapping.close': async () => mapper.close(),
      },
      dispose: async () => {
        unsubscribe();
        await mapper.close();
      },
    };
  };
}

export const reachabilityHandlers: AreaFactory = reachabilityArea();
