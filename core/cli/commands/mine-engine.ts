import { silentLogger } from '../../contract/logger.js';
import { SettingsSchema, type CoreEvent, type Network, type Settings } from '../../contract/index.js';
import { startEngineMiner } from '../../service/node-runtime/engine-node.js';
import { SettingsStore } from '../../service/settings-store.js';
import { ProofLog } from '../../service/proof-log.js';
import { dataPaths } from '../../util/paths.js';
import type { CliOutput } from '../context.js';

export interface EngineMineTarget {
  network: Network;
  chainEndpoint?: string;
  netuid: number;
  wallet: { name: string; hotkey: string; path?: string };
  port: number;
  externalIp?: string;
  /** The miner's metrics endpoint (`--prometheus.port`, `--prometheus.host`), as for the v10 miner. */
  prometheus: Settings['mining']['prometheus'];
}

/**
 * `sn2 mine` on a 2026 network: the sn2-miner the engine manifest selects, supervised, with the stored
 * settings (engine log level) and the flags on top. `--json` streams the same events the UI gets; proofs go
 * to the proof log (logs/proofs.jsonl, which the UI shows) and the metrics (served on /metrics with
 * `--prometheus.port`, like the v10 miner's).
 */
export async function mineWithEngine(t: EngineMineTarget, out: CliOutput, json: boolean): Promise<void> {
  const paths = dataPaths();
  const stored = new SettingsStore(paths.settings).get();
  const settings = SettingsSchema.parse({
    ...stored,
    network: t.network,
    chainEndpoint: t.chainEndpoint,
    netuid: t.netuid,
    wallet: t.wallet,
    axon: { ...stored.axon, port: t.port, externalIp: t.externalIp ?? stored.axon.externalIp },
    mining: { ...stored.mining, protocol: '2026' },
  });
  // After parsing: the flags' port may be 0 (any free port), which stored settings never hold.
  settings.mining.prometheus = t.prometheus;
  const proofLog = new ProofLog(paths.proofLog);
  const print = (e: CoreEvent) => {
    if (e.type === 'proof') proofLog.append(e.entry);
    if (json) process.stdout.write(`${JSON.stringify(e)}\n`);
    else if (e.type === 'proof')
      out.info(
        `${e.entry.route} ${e.entry.circuitName}: ${e.entry.status}${e.entry.error ? ` (${e.entry.error})` : ''} ${Math.round(e.entry.totalMs)} ms`,
      );
    else if (e.type === 'notification') out.info(`${e.title}: ${e.body}`);
    else if (e.type === 'log' && e.level !== 'debug') out.info(e.msg);
    else if (e.type === 'status') out.info(`${e.state}${e.detail ? `: ${e.detail}` : ''}`);
  };
  const status = (state: 'starting' | 'running' | 'stopping' | 'stopped', detail?: string) =>
    print({ type: 'status', component: 'miner', state, detail, at: Date.now() });
  status('starting');
  const node = await startEngineMiner({ paths, emit: print, logger: silentLogger() }, settings, (d) =>
    status('starting', d),
  );
  node.onState?.((state, detail) => status(state, detail));
  status('running', `${node.detail}; Ctrl-C to stop`);
  const failure = await new Promise<string | undefined>((resolve) => {
    process.once('SIGINT', () => resolve(undefined));
    process.once('SIGTERM', () => resolve(undefined));
    node.onFailure?.(resolve);
  });
  status('stopping', node.inFlight() > 0 ? `finishing ${node.inFlight()} proof(s) in flight` : undefined);
  await node.stop();
  status('stopped');
  if (failure) throw new Error(`miner stopped: ${failure}`);
  process.exit(0);
}
