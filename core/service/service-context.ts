import type { CommandName, CommandOutput, CoreEvent } from '../contract/index.js';
import type { Logger } from '../contract/logger.js';
import type { dataPaths } from '../util/paths.js';
import type { ProofLog } from './proof-log.js';
import type { SettingsStore } from './settings-store.js';
import type { HostHooks } from './host-hooks.js';

/** What every handler gets: the data paths, settings, logs and a way to emit events. */
export interface ServiceContext {
  readonly paths: ReturnType<typeof dataPaths>;
  readonly settings: SettingsStore;
  readonly proofLog: ProofLog;
  readonly logger: Logger;
  /** What only the program hosting the core can do (confirm with the user, read the OS idle state). */
  readonly host: HostHooks;
  emit(event: CoreEvent): void;
  /** Follow the event stream (e.g. metrics); returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Resolve another command, e.g. the miner asking for settings; input is validated like any call. */
  invoke<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
}
