import type { NativePathChange } from '../contract/core-channel.js';
import type { IdleSource } from '../miner/idle-source.js';

/**
 * What only the program hosting the core can provide, passed into CoreService so the core stays free
 * of Electron and of terminals: the desktop app answers with an OS dialog and Electron's powerMonitor,
 * `sn2 ui` with a prompt on its terminal and the system idle tools.
 */
export interface HostHooks {
  /**
   * Ask the person at this computer, outside any UI page, whether the core may run `change.path`.
   * Absent: nobody can be asked, and native paths cannot be changed through `settings.update`.
   */
  confirmNativePath?: (change: NativePathChange) => Promise<boolean>;
  /** How long the user has been away (for `mining.idleOnly`); default: the system's idle tools. */
  idleSource?: IdleSource;
}
