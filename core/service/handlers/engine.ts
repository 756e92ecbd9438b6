import type { AreaFactory } from './types.js';
import { installTask } from './install-progress.js';
import { approveNativePath } from '../native-path-approval.js';
import type { CommandOutput, EngineChannel } from '../../contract/index.js';
import { installEngine, type EngineInstallProgress } from '../../engines/install/install.js';
import { rollbackEngine } from '../../engines/install/activate.js';
import {
  checkForUpdate,
  clearCustomEngine,
  defaultEngineChannel,
  engineStatus,
  useCustomEngine,
} from '../../engines/install/manage.js';

const INSTALL_TASK = 'engine.install';

const stageLabel: Record<EngineInstallProgress['stage'], string> = {
  release: 'Finding the sn2-miner release',
  signature: 'Checking the release signature',
  download: 'Downloading sn2-miner',
  check: 'Testing sn2-miner on this computer',
  place: 'Installing sn2-miner',
};

/**
 * `engine.*`: the official sn2-miner (spec sn2-2026.md §2) — status, install/update with progress,
 * rollback, a hand-installed binary. One install at a time; a second request joins the running one.
 * Switching the binary under a running miner is the runtime's business (stop → activate → start):
 * these commands only change what the next start runs.
 */
export const engineHandlers: AreaFactory = (ctx) => {
  const root = ctx.paths.root;
  const status = async (): Promise<CommandOutput<'engine.status'>> => engineStatus(root);
  /** The channel asked for, else the active install's, else the one the configured network uses. */
  const channelOf = (asked?: EngineChannel): EngineChannel =>
    asked ?? defaultEngineChannel(root, ctx.settings.get().network);
  const install = installTask(
    ctx,
    { id: INSTALL_TASK, what: 'sn2-miner', labels: stageLabel, firstStage: 'release', lastStage: 'place' },
    async (onProgress, channel: EngineChannel, tag?: string): Promise<CommandOutput<'engine.install'>> => {
      const r = await installEngine({ dataRoot: root, channel, ...(tag ? { tag } : {}), onProgress });
      ctx.logger.info(
        {
          tag: r.installed.tag,
          sha256: r.installed.sha256,
          signer: r.signature.identity,
          trust: r.signature.trustOrigin,
        },
        `installed sn2-miner ${r.installed.version ?? r.installed.tag} (${channel})`,
      );
      return status();
    },
  );

  return {
    handlers: {
      'engine.status': status,
      'engine.install': (input) => install(channelOf(input.channel), input.tag),
      'engine.checkUpdate': (input) => checkForUpdate({ dataRoot: root, channel: channelOf(input.channel) }),
      'engine.applyUpdate': async (input) => {
        const channel = channelOf(input.channel);
        const check = await checkForUpdate({ dataRoot: root, channel });
        return check.available ? install(channel, check.latest.tag) : status();
      },
      'engine.rollback': async () => {
        const now = rollbackEngine(root);
        ctx.logger.info({ tag: now.tag }, `rolled back to sn2-miner ${now.version ?? now.tag}`);
        return status();
      },
      'engine.use': async (input) => {
        // From a UI: confirmed at this computer and self-tested first, like a prover's native path.
        // (The CLI's "sn2 engine use" is typed at this computer and calls useCustomEngine directly.)
        const previous = engineStatus(root).custom?.path;
        await approveNativePath(
          { tool: 'sn2-miner', path: input.path, ...(previous ? { previous } : {}) },
          ctx.host,
        );
        const custom = await useCustomEngine(root, input.path);
        ctx.logger.info(
          { path: custom.path, sha256: custom.sha256 },
          `using sn2-miner ${custom.version} installed by hand`,
        );
        return status();
      },
      'engine.clear': async () => {
        clearCustomEngine(root);
        return status();
      },
    },
  };
};
