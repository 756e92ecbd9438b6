import { DEFAULT_NETUID, type Settings } from '../../contract/index.js';
import { launchEngine } from '../../engines/run/launch-engine.js';
import type { EngineLaunchConfig } from '../../engines/run/engine-args.js';
import { EngineStartError, type EngineSupervisor } from '../../engines/run/engine-supervisor.js';
import {
  engineCircuitCache,
  engineWalletsRoot,
  prepareEngineWallet,
} from '../../engines/run/engine-wallet.js';
import { engineLabel, locateEngine, type EngineBinary } from '../../engines/run/locate-engine.js';
import { updatePending, swapEngine } from '../../engines/run/update-swap.js';
import { errorMessage } from '../../util/errors.js';
import { startMetrics } from '../metrics/start-metrics.js';
import { externalIpOrWarn } from './external-ip-or-warn.js';
import { tapEvents } from './tap-events.js';
import type { RunningNode } from './component-lifecycle.js';
import type { NetworkNodeContext } from './network-miner.js';
import { connectNetworkTarget, NodeSetupError, notRegisteredMessage } from './network-target.js';

/** How often a running engine looks for an installed update to apply between proofs. */
const UPDATE_POLL_MS = 60_000;

/**
 * The 2026 miner: the official `sn2-miner` run and supervised (core/engines/run), with the user's hotkey
 * copied into a wallet folder of its own (never the coldkey). Its output becomes the same events and
 * metrics as the v10 miner's (proofs by route, circuit and prover; its request queue); an update the installer placed is applied between proofs, with rollback.
 */
export async function startEngineMiner(
  ctx: NetworkNodeContext,
  settings: Settings,
  progress: (detail: string) => void,
): Promise<RunningNode> {
  if (settings.network === 'practice')
    throw new NodeSetupError('Practice runs the v10 miner, not the engine');
  let binary: EngineBinary;
  try {
    // The hand-installed binary (`sn2 engine use`) if set, else the active install; re-hashed. With
    // neither on a platform upstream does not build for, the error says why (and that Practice works).
    binary = await locateEngine(ctx.paths.root);
  } catch (err) {
    throw new NodeSetupError(`this network speaks the 2026 protocol, but ${errorMessage(err)}`);
  }
  const wallet = prepareEngineWallet(settings.wallet, engineWalletsRoot(ctx.paths.root));
  const externalIp = await externalIpOrWarn(
    settings.axon.externalIp,
    ctx.emit,
    'sn2-miner will try itself and skips publishing its axon if it cannot',
  );
  const netuid = settings.netuid ?? DEFAULT_NETUID[settings.network];
  const config: EngineLaunchConfig = {
    network: settings.network,
    endpoint: settings.chainEndpoint,
    netuid,
    walletPath: wallet.path,
    walletName: wallet.name,
    walletHotkey: wallet.hotkey,
    port: settings.axon.port,
    externalIp,
    circuitCacheDir: engineCircuitCache(ctx.paths.root),
    logLevel: settings.engine.logLevel,
  };
  const { emit, events } = tapEvents(ctx.emit);
  const stateListeners: Array<(state: 'starting' | 'running', detail: string) => void> = [];
  const failureListeners: Array<(reason: string) => void> = [];
  const launch = (b: EngineBinary, p: (detail: string) => void) =>
    launchEngine(
      {
        binary: b,
        config,
        hotkeyFile: wallet.source,
        emit,
        onState: (state, detail) => stateListeners.forEach((l) => l(state, detail)),
      },
      p,
    );
  // Metrics follow the engine's proof events; the /metrics endpoint listens when mining.prometheus is on.
  const metrics = await startMetrics(settings.mining.prometheus, events, ctx.logger);
  let supervisor: EngineSupervisor;
  try {
    supervisor = await launch(binary, progress);
  } catch (err) {
    await metrics.close();
    if (err instanceof EngineStartError && err.verdict?.kind === 'not-registered')
      throw new NodeSetupError(await unregistered(settings, ctx).catch(() => err.message));
    throw err;
  }
  const untrackQueue = metrics.metrics.trackQueue('miner_requests', () => supervisor.inFlight());
  const metricsAt = metrics.server
    ? `; metrics on ${settings.mining.prometheus.host}:${metrics.server.port}`
    : '';
  const detail = () =>
    `sn2-miner ${supervisor.version ?? ''} (2026 protocol) on ${settings.network} netuid ${netuid}, UDP port ${config.port}${metricsAt}`.replace(
      '  ',
      ' ',
    );
  const watchFailure = (s: EngineSupervisor) =>
    s.onFailure((reason) => failureListeners.forEach((l) => l(reason)));
  watchFailure(supervisor);
  let running: EngineBinary = binary;
  let swapping: Promise<void> | undefined;
  const poll = setInterval(() => {
    if (swapping || supervisor.inFlight() > 0 || !updatePending(ctx.paths.root, running)) return;
    const from = running;
    stateListeners.forEach((l) =>
      l('starting', `applying the sn2-miner update (from ${engineLabel(from)})…`),
    );
    swapping = swapEngine({
      dataRoot: ctx.paths.root,
      current: supervisor,
      running: from,
      launch: (b) => launch(b, (d) => stateListeners.forEach((l) => l('starting', d))),
    })
      .then((r) => {
        supervisor = r.supervisor;
        running = r.running;
        watchFailure(supervisor);
        if (r.reason)
          ctx.emit({
            type: 'notification',
            level: 'warning',
            title: 'Engine update rolled back',
            body: r.reason,
          });
        stateListeners.forEach((l) => l('running', detail()));
      })
      .catch((err: unknown) =>
        failureListeners.forEach((l) => l(`engine update failed: ${errorMessage(err)}`)),
      )
      .finally(() => (swapping = undefined));
  }, UPDATE_POLL_MS);
  poll.unref();
  return {
    detail: detail(),
    axon: { host: '0.0.0.0', port: config.port, externalIp },
    stats: () => supervisor.stats(),
    inFlight: () => supervisor.inFlight(),
    onFailure: (listener) => failureListeners.push(listener),
    onState: (listener) => stateListeners.push(listener),
    async stop() {
      clearInterval(poll);
      await swapping;
      await supervisor.stop();
      untrackQueue();
      await metrics.close();
    },
  };
}

async function unregistered(settings: Settings, ctx: NetworkNodeContext): Promise<string> {
  const t = await connectNetworkTarget(settings, ctx.emit);
  try {
    return await notRegisteredMessage(t, settings, 'miner');
  } finally {
    await t.client.close();
  }
}
