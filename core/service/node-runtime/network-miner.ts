import { minerChain } from '../../miner/chain-adapter.js';
import { Miner } from '../../miner/miner.js';
import { engineProver, unprovableCircuits } from '../../miner/engine-prover.js';
import { createProvingEngine } from '../../provers/engine.js';
import { externalIpOrWarn } from './external-ip-or-warn.js';
import type { CoreEvent, Settings } from '../../contract/index.js';
import type { Logger } from '../../contract/logger.js';
import type { dataPaths } from '../../util/paths.js';
import type { RunningNode } from './component-lifecycle.js';
import { connectNetworkTarget, NodeSetupError, notRegisteredMessage } from './network-target.js';
import { v10Server } from '../../sn2/transport/v10-server.js';
import type { HostHooks } from '../host-hooks.js';
import { idleOnlyGate } from './idle-only.js';
import { startMetrics } from '../metrics/start-metrics.js';
import { attachMinerMetrics } from '../metrics/miner-metrics.js';
import { tapEvents } from './tap-events.js';

export interface NetworkNodeContext {
  paths: ReturnType<typeof dataPaths>;
  emit: (event: CoreEvent) => void;
  logger: Logger;
  host?: HostHooks;
}

/**
 * The real miner on finney/test/local/custom: the user's hotkey, a chain client, the registration
 * check (with the exact next step and the burn cost), the proving engine's worker pool, and the axon
 * served on chain when the announced address differs.
 */
export async function startNetworkMiner(
  ctx: NetworkNodeContext,
  settings: Settings,
  progress: (detail: string) => void,
): Promise<RunningNode> {
  progress(`connecting to ${settings.network}…`);
  const t = await connectNetworkTarget(settings, ctx.emit);
  const chain = minerChain(t.client.api, t.network, t.netuid, t.hotkey);
  const cleanup: Array<() => Promise<void>> = [() => t.client.close()];
  const { emit, events } = tapEvents(ctx.emit);
  try {
    progress(`checking that ${t.hotkey.address} is registered on netuid ${t.netuid}…`);
    const meta = await chain.metagraph();
    if (!meta.neurons.some((n) => n.hotkey === t.hotkey.address))
      throw new NodeSetupError(await notRegisteredMessage(t, settings, 'miner'));
    const externalIp = await externalIpOrWarn(
      settings.axon.externalIp,
      ctx.emit,
      'the on-chain axon is left as it is',
    );
    const engine = await createProvingEngine({
      paths: ctx.paths,
      prover: settings.prover,
      logger: ctx.logger,
    });
    cleanup.unshift(() => engine.close());
    for (const c of await unprovableCircuits(engine.store, engine.prover))
      ctx.emit({
        type: 'log',
        level: 'warn',
        component: 'miner',
        msg: `${c.name}: capacity 0 (${c.reason})`,
        at: Date.now(),
      });
    const miner = new Miner({
      hotkey: t.hotkey.address,
      server: v10Server(t.hotkey, { port: settings.axon.port }),
      prover: engineProver(engine.store, engine.prover),
      chain,
      externalIp,
      blacklist: { disabled: settings.mining.disableBlacklist },
      capacities: settings.mining.capacities,
      concurrency: engine.pool.size,
      emit,
      resyncMs: 600_000,
    });
    const idle = await idleOnlyGate(settings.mining, ctx.host ?? {}, miner);
    cleanup.unshift(async () => idle?.stop());
    // Metrics always follow this miner; the /metrics endpoint listens when mining.prometheus is on.
    const metrics = await startMetrics(settings.mining.prometheus, events, ctx.logger);
    const detachMiner = attachMinerMetrics(metrics.metrics, miner);
    cleanup.unshift(async () => {
      detachMiner();
      await metrics.close();
    });
    progress(`starting the axon on port ${settings.axon.port}…`);
    const axon = await miner.start();
    const metricsAt = metrics.server
      ? `; metrics on ${settings.mining.prometheus.host}:${metrics.server.port}`
      : '';
    const mining = `mining on ${t.network} netuid ${t.netuid} as ${t.hotkey.address}${metricsAt}`;
    return {
      get detail() {
        return idle ? `${mining}; ${idle.detail}` : mining;
      },
      onDetail: (listener) => idle?.onDetail((d) => listener(`${mining}; ${d}`)),
      axon: { host: axon.host, port: axon.port, externalIp },
      stats: () => miner.stats(),
      inFlight: () => miner.inFlight,
      refusals: () => miner.refusals(),
      onFailure: (listener) => miner.onFailure(listener),
      async stop() {
        await miner.stop();
        for (const c of cleanup) await c().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of cleanup) await c().catch(() => undefined);
    throw err;
  }
}
