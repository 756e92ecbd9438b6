import { join } from 'node:path';
import {
  MainToCoreSchema,
  type CoreToMain,
  type MainToCore,
  type NativePathChange,
} from '../contract/core-channel.js';
import { pushedIdleSource } from '../miner/idle-source.js';
import { errorMessage } from '../util/errors.js';
import { CoreService } from './core-service.js';
import { dispatchCommand } from './dispatch-command.js';
import { SettingsFileError } from './settings-store.js';
import { currentLogFile } from './logger.js';

/**
 * The parent end as the core process sees it: Electron's `process.parentPort` in the desktop app,
 * `process.send`/`process.on('message')` under child_process.fork (tests).
 */
export interface ParentChannel {
  postMessage(message: CoreToMain): void;
  onMessage(listener: (message: unknown) => void): void;
}

export interface CoreProcessOptions {
  /** Data folder; default $SN2_HOME or the OS convention. */
  dataDir?: string;
  exit: (code: number) => void;
}

/**
 * The core's side of the desktop channel: runs CoreService in this process and serves the main
 * process's messages. Commands go through the same dispatcher as the `sn2 ui` bridge; the host hooks
 * (confirming a native path, the idle state) are answered by the main process.
 */
export function serveCoreProcess(parent: ParentChannel, options: CoreProcessOptions): CoreService {
  const idle = pushedIdleSource();
  const confirmations = new Map<number, (confirmed: boolean) => void>();
  let nextConfirm = 0;
  const confirmNativePath = (change: NativePathChange): Promise<boolean> =>
    new Promise((resolve) => {
      const id = ++nextConfirm;
      confirmations.set(id, resolve);
      parent.postMessage({ t: 'confirm', id, change });
    });
  const service = new CoreService({
    dataDir: options.dataDir,
    host: { confirmNativePath, idleSource: idle.source },
  });
  const log = service.context.logger;
  let ready = false;
  let closing = false;

  const becomeReady = () => {
    ready = true;
    service.onEvent((event) => parent.postMessage({ t: 'event', event }));
    // pino-roll numbers its files from 1 (sn2.1.log, sn2.2.log…); the newest is the one being written.
    const logs = service.context.paths.logs;
    parent.postMessage({ t: 'ready', logFile: currentLogFile(logs) ?? join(logs, 'sn2.1.log') });
  };

  const handle = async (message: MainToCore): Promise<void> => {
    switch (message.t) {
      case 'invoke': {
        const response = ready
          ? await dispatchCommand(service, message.request)
          : {
              ok: false as const,
              error: { code: 'unavailable' as const, message: 'the core is not ready yet' },
            };
        parent.postMessage({ t: 'reply', id: message.id, response });
        return;
      }
      case 'idle':
        idle.push(message.reading);
        return;
      case 'confirmed':
        confirmations.get(message.id)?.(message.confirmed);
        confirmations.delete(message.id);
        return;
      case 'reset-settings': {
        if (ready) return;
        const { keptAs } = service.context.settings.resetToDefaults();
        log.warn({ keptAs }, 'settings reset to defaults; the refused file was kept aside');
        becomeReady();
        return;
      }
      case 'close':
        if (closing) return;
        closing = true;
        for (const answer of confirmations.values()) answer(false);
        await service.close();
        parent.postMessage({ t: 'closed' });
        options.exit(0);
    }
  };

  parent.onMessage((raw) => {
    const message = MainToCoreSchema.safeParse(raw);
    if (!message.success) {
      log.warn({ err: message.error.message }, 'core process: malformed message from the main process');
      return;
    }
    handle(message.data).catch((err: unknown) =>
      log.error({ err: errorMessage(err) }, `core process: ${message.data.t} failed`),
    );
  });

  try {
    service.context.settings.load();
    becomeReady();
  } catch (err) {
    if (!(err instanceof SettingsFileError)) throw err;
    log.error({ file: err.problem.file, field: err.problem.field }, err.message);
    parent.postMessage({ t: 'settings-invalid', problem: err.problem });
  }
  return service;
}

/**
 * What makes the core process die loudly rather than limp on: the reason goes to the log file (whose
 * path the supervisor shows after a crash loop) and the process exits non-zero, so it is restarted.
 */
export function exitOnFatal(service: CoreService, exit: (code: number) => void): void {
  const fatal = (kind: string) => (err: unknown) => {
    service.context.logger.fatal(
      { err: errorMessage(err), stack: (err as Error)?.stack },
      `core process: ${kind}`,
    );
    exit(70);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));
}
