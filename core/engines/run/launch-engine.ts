import type { CoreEvent } from '../../contract/index.js';
import { buildEngineArgs, engineEnv, type EngineLaunchConfig } from './engine-args.js';
import { probeEngineHelp } from './engine-help.js';
import { EngineSupervisor, type SupervisorOptions } from './engine-supervisor.js';
import { engineLabel, type EngineBinary } from './locate-engine.js';

export interface LaunchEngineOptions {
  /** Located (and so re-hashed) just before: see locateEngine. */
  binary: EngineBinary;
  config: EngineLaunchConfig;
  /** The hotkey file the engine reads, for messages. */
  hotkeyFile: string;
  emit: (event: CoreEvent) => void;
  onState?: SupervisorOptions['onState'];
  supervisor?: Pick<SupervisorOptions, 'stopTimeoutMs' | 'backoff' | 'crashLoop'>;
}

/**
 * Check the located binary (`--help` for its flags and variant), build its command line
 * from the config, start it supervised and wait until it listens. Throws with a one-line reason.
 */
export async function launchEngine(
  o: LaunchEngineOptions,
  progress: (detail: string) => void,
): Promise<EngineSupervisor> {
  progress(`checking ${o.binary.path}…`);
  const help = await probeEngineHelp(o.binary.path);
  const args = buildEngineArgs(o.config, help);
  const supervisor = new EngineSupervisor({
    binary: o.binary.path,
    args,
    env: engineEnv(o.config),
    emit: o.emit,
    hotkeyFile: o.hotkeyFile,
    port: o.config.port,
    onState: o.onState,
    ...o.supervisor,
  });
  progress(`starting sn2-miner ${engineLabel(o.binary)}…`);
  await supervisor.start(progress);
  return supervisor;
}
