import { EventEmitter } from 'node:events';
import { addNetworkFlags, networkFromFlags, walletFromFlags, type NetworkFlags } from '../network-flags.js';
import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { loadCliHotkey } from '../load-hotkey.js';
import { ChainClient } from '../../chain/client.js';
import { resolveEndpoint } from '../../chain/networks.js';
import { minerChain } from '../../miner/chain-adapter.js';
import { engineProver, unprovableCircuits } from '../../miner/engine-prover.js';
import { Miner } from '../../miner/miner.js';
import { createProvingEngine } from '../../provers/engine.js';
import { SettingsStore } from '../../service/settings-store.js';
import { idleOnlyGate } from '../../service/node-runtime/idle-only.js';
import { dataPaths } from '../../util/paths.js';
import { UserError } from '../../util/errors.js';
import { v10Server } from '../../sn2/transport/v10-server.js';
import { ProtocolChoiceSchema } from '../../contract/index.js';
import { detectProtocol } from '../../service/node-runtime/detect-protocol.js';
import { mineWithEngine } from './mine-engine.js';
import { startMetrics } from '../../service/metrics/start-metrics.js';
import { attachMinerMetrics } from '../../service/metrics/miner-metrics.js';
import { silentLogger } from '../../contract/logger.js';
import type { CoreEvent } from '../../contract/index.js';

interface MineOptions extends NetworkFlags {
  'axon.port': string;
  'axon.external_ip'?: string;
  disableBlacklist?: boolean;
  idleOnly?: boolean;
  idleThreshold: string;
  chain: boolean;
  protocol: string;
  'prometheus.port'?: string;
  'prometheus.host': string;
  json?: boolean;
}

export function registerMine(program: Command): void {
  addNetworkFlags(
    program
      .command('mine')
      .description(
        'Run the SN2 miner: the v10 axon miner, or the official sn2-miner where the network speaks the 2026 protocol',
      ),
  )
    .option('--axon.port <port>', 'axon port', '8091')
    .option('--axon.external_ip <ip>', 'public IP announced on chain')
    .option('--disable-blacklist', 'answer every caller (no registration/stake/permit checks)')
    .option('--idle-only', 'take new proofs only while nobody uses this computer (xprintidle/ioreg)')
    .option('--idle-threshold <seconds>', 'with --idle-only: seconds without input that count as idle', '300')
    .option('--no-chain', 'serve the axon without any chain (diagnostics and tests); every route answers')
    .option(
      '--protocol <protocol>',
      'v10 | 2026 | auto: which SN2 protocol to mine (auto: read from the chain)',
      'auto',
    )
    .option('--prometheus.port <port>', 'serve Prometheus metrics on this port (SN2 default 9090)')
    .option(
      '--prometheus.host <host>',
      'address of the metrics endpoint (0.0.0.0 = every network)',
      '127.0.0.1',
    )
    .option('--json', 'JSON lines of events on stdout')
    .action(async (o: MineOptions) => {
      const out = cliOutput(Boolean(o.json));
      const port = Number(o['axon.port']);
      if (!/^\d+$/.test(o['axon.port']) || port < 1 || port > 65535)
        throw new UserError(`--axon.port must be a port from 1 to 65535, got "${o['axon.port']}"`);
      const idleThresholdSeconds = Number(o.idleThreshold);
      if (!/^\d+$/.test(o.idleThreshold) || idleThresholdSeconds < 30 || idleThresholdSeconds > 86_400)
        throw new UserError(`--idle-threshold must be 30 to 86400 seconds, got "${o.idleThreshold}"`);
      const choice = ProtocolChoiceSchema.safeParse(o.protocol);
      if (!choice.success) throw new UserError(`--protocol must be v10, 2026 or auto, got "${o.protocol}"`);
      const metricsPort = o['prometheus.port'] === undefined ? undefined : Number(o['prometheus.port']);
      if (metricsPort !== undefined && (!/^\d+$/.test(o['prometheus.port']!) || metricsPort > 65535))
        throw new UserError(
          `--prometheus.port must be a port from 0 to 65535, got "${o['prometheus.port']}"`,
        );
      const metricsSettings = {
        enabled: metricsPort !== undefined,
        host: o['prometheus.host'],
        port: metricsPort ?? 0,
      };
      const target = o.chain ? networkFromFlags(o) : undefined;
      if (!target && choice.data === '2026')
        throw new UserError(
          '--protocol 2026 needs a chain: sn2-miner serves only registered hotkeys (drop --no-chain)',
        );
      if (target) {
        const decision = await detectProtocol({ ...target, choice: choice.data });
        out.info(`protocol ${decision.protocol} (${decision.source}): ${decision.evidence.join('; ')}`);
        if (decision.protocol === '2026')
          return mineWithEngine(
            {
              ...target,
              wallet: walletFromFlags(o),
              port,
              externalIp: o['axon.external_ip'],
              prometheus: metricsSettings,
            },
            out,
            Boolean(o.json),
          );
      }
      const hotkey = await loadCliHotkey(walletFromFlags(o));
      let chain = null;
      let client: ChainClient | undefined;
      if (target) {
        const { network, chainEndpoint, netuid } = target;
        const endpoint = resolveEndpoint(network, chainEndpoint);
        out.info(`connecting to ${endpoint} (netuid ${netuid})…`);
        client = await ChainClient.connect(endpoint);
        chain = minerChain(client.api, network, netuid, hotkey);
      }
      const paths = dataPaths();
      const settings = new SettingsStore(paths.settings).get();
      // Proofs run in the worker pool (size: settings prover.cpuLimit) or a native prover, never on this thread.
      const engine = await createProvingEngine({ paths, prover: settings.prover });
      for (const c of await unprovableCircuits(engine.store, engine.prover))
        out.info(`${c.name}: capacity 0 (${c.reason})`);
      const events = new EventEmitter();
      const miner = new Miner({
        hotkey: hotkey.address,
        server: v10Server(hotkey, { port }),
        prover: engineProver(engine.store, engine.prover),
        chain,
        externalIp: o['axon.external_ip'],
        blacklist: { disabled: Boolean(o.disableBlacklist) },
        concurrency: engine.pool.size,
        emit: (e) => {
          events.emit('event', e);
          if (o.json) process.stdout.write(`${JSON.stringify(e)}\n`);
          else if (e.type === 'proof')
            out.info(
              `${e.entry.route} ${e.entry.circuitName} from ${e.entry.validatorHotkey}: ${e.entry.status}${e.entry.error ? ` (${e.entry.error})` : ''} ${Math.round(e.entry.totalMs)} ms`,
            );
          else if (e.type === 'log' && e.level !== 'debug') out.info(e.msg);
        },
      });
      const idle = await idleOnlyGate(
        { ...settings.mining, idleOnly: Boolean(o.idleOnly), idleThresholdSeconds },
        {},
        miner,
      );
      if (idle) {
        out.info(idle.detail);
        idle.onDetail((detail) => out.info(detail));
      }
      const metrics = await startMetrics(
        metricsSettings,
        {
          onEvent: (l: (e: CoreEvent) => void) => (events.on('event', l), () => void events.off('event', l)),
        },
        silentLogger(),
      );
      const detachMetrics = attachMinerMetrics(metrics.metrics, miner);
      if (metrics.server)
        out.info(`metrics on http://${o['prometheus.host']}:${metrics.server.port}/metrics`);
      const addr = await miner.start();
      if (o.json)
        process.stdout.write(
          `${JSON.stringify({ type: 'listening', hotkey: hotkey.address, host: addr.host, port: addr.port, chain: chain !== null, metricsPort: metrics.server?.port })}\n`,
        );
      out.info(
        `miner ${hotkey.address} serving on ${addr.host}:${addr.port}${chain ? '' : ' (no chain)'}; Ctrl-C to stop`,
      );
      // Runs until Ctrl-C, or until the miner dies (e.g. the axon's socket fails): then exit non-zero.
      const failure = await new Promise<string | undefined>((resolve) => {
        process.once('SIGINT', () => resolve(undefined));
        process.once('SIGTERM', () => resolve(undefined));
        miner.onFailure(resolve);
      });
      idle?.stop();
      await miner.stop();
      detachMetrics();
      await metrics.close();
      await engine.close();
      await client?.close();
      if (failure) throw new Error(`miner stopped: ${failure}`);
      process.exit(0);
    });
}
