import type { AreaFactory } from './types.js';
import { installTask } from './install-progress.js';
import type { CommandOutput } from '../../contract/index.js';
import { ezklStatus } from '../../provers/ezkl/status.js';
import { locateEzkl } from '../../provers/ezkl/native-cli.js';
import { installEzkl, type EzklInstallProgress } from '../../provers/ezkl/install.js';

const INSTALL_EZKL_TASK = 'provers.installEzkl';

const stageLabel: Record<EzklInstallProgress['stage'], string> = {
  download: 'Downloading ezkl',
  unpack: 'Unpacking ezkl',
  check: 'Checking ezkl',
};

/**
 * `provers.ezklStatus` and `provers.installEzkl`: the native ezkl CLI that SN2's EZKL circuits need.
 * One install at a time; a second request joins the one running. Provers notice the new ezkl by
 * themselves (they look again while it is absent), so a running miner starts serving EZKL circuits.
 */
export const proversHandlers: AreaFactory = (ctx) => {
  const status = () =>
    ezklStatus({ binDir: ctx.paths.bin, configuredPath: ctx.settings.get().prover.nativePaths.ezkl });
  const install = installTask(
    ctx,
    { id: INSTALL_EZKL_TASK, what: 'ezkl', labels: stageLabel, firstStage: 'download', lastStage: 'check' },
    async (onProgress): Promise<CommandOutput<'provers.installEzkl'>> => {
      const installed = await installEzkl({ binDir: ctx.paths.bin, onProgress });
      ctx.logger.info(
        { path: installed.path, sha256: installed.sha256 },
        `installed ezkl ${installed.version}`,
      );
      // A configured path wins over bin/: one that does not work would hide what was just installed.
      const { nativePaths } = ctx.settings.get().prover;
      const configured = nativePaths.ezkl;
      if (configured && !(await locateEzkl({ configuredPath: configured })).cli) {
        ctx.settings.update({ prover: { nativePaths: { ...nativePaths, ezkl: installed.path } } });
        ctx.logger.info(
          { replaced: configured },
          'the configured ezkl path did not work: now set to the installed ezkl',
        );
      }
      return status();
    },
  );

  return {
    handlers: {
      'provers.ezklStatus': status,
      'provers.installEzkl': () => install(),
    },
  };
};
