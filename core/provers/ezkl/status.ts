import { locateEzkl } from './native-cli.js';
import { chooseEzklAsset, loadEzklRelease, platformKey, type EzklRelease } from './release.js';

export interface EzklStatus {
  version: string;
  installed: boolean;
  path: string | null;
  reason?: string;
  platform: string;
  installable: boolean;
  installBlockedReason?: string;
}

/** Whether a usable ezkl is present (configured path, data bin/, app resources, PATH) and whether this build can install it. */
export async function ezklStatus(options: {
  binDir: string;
  configuredPath?: string;
  release?: EzklRelease;
}): Promise<EzklStatus> {
  const release = options.release ?? loadEzklRelease();
  const found = await locateEzkl({ configuredPath: options.configuredPath, binDir: options.binDir });
  const choice = chooseEzklAsset(release, platformKey());
  return {
    version: release.version,
    installed: found.cli !== null,
    path: found.cli?.path ?? null,
    ...(found.reason
      ? {
          reason: options.configuredPath
            ? `${found.reason} (the configured path is used instead of any other ezkl: change it in Settings → Proving or with "sn2 ezkl use")`
            : found.reason,
        }
      : {}),
    platform: choice.key,
    installable: choice.installable,
    ...(choice.installable ? {} : { installBlockedReason: choice.reason }),
  };
}
