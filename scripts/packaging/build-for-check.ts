import { Arch, Platform, build } from 'electron-builder';
import type { Configuration } from 'electron-builder';

export type CheckTarget = 'dir' | 'tar.gz';

export interface CheckBuildOptions {
  projectDir: string;
  outputDir: string;
  electronDist: string;
  electronVersion: string;
  targets: CheckTarget[];
}

/**
 * Overrides that make electron-builder.yml buildable offline with a stand-in Electron: no native
 * rebuild (Electron headers come from electronjs.org), no fuses (they patch the real binary), store
 * compression (a packed archive of the full app takes minutes at the default level on 2 cores).
 */
export function offlineOverrides(opts: CheckBuildOptions): Configuration {
  return {
    electronDist: opts.electronDist,
    electronVersion: opts.electronVersion,
    npmRebuild: false,
    electronFuses: null,
    compression: 'store',
    directories: { output: opts.outputDir },
  };
}

/** Packs the app for Linux x64 with the project's electron-builder.yml plus the offline overrides. */
export async function buildForCheck(opts: CheckBuildOptions): Promise<string[]> {
  return build({
    projectDir: opts.projectDir,
    targets: Platform.LINUX.createTarget(opts.targets, Arch.x64),
    config: offlineOverrides(opts),
    publish: 'never',
  });
}
