import type { CoreEvent } from '../../contract/index.js';
import type { Logger } from '../../contract/logger.js';
import { errorMessage } from '../../util/errors.js';

/** One step of an install (download, verify, place…) as its installer reports it. */
export interface InstallStep<S extends string> {
  stage: S;
  done: number;
  total?: number;
}

export interface InstallTask<S extends string> {
  /** The `progress` events' task id. */
  id: string;
  /** What the install is of, for the log ("sn2-miner", "ezkl"). */
  what: string;
  labels: Record<S, string>;
  /** The stage shown as finished on success, and the one a failure is reported on. */
  lastStage: NoInfer<S>;
  firstStage: NoInfer<S>;
}

/**
 * Runs one install at a time (a second request joins the one running) and turns its steps into `progress`
 * events: bytes while downloading, steps after, a finished event on success, the error on failure (also
 * logged) — the same for every installer the UI drives.
 */
export function installTask<S extends string, A extends unknown[], T>(
  ctx: { emit: (event: CoreEvent) => void; logger: Logger },
  task: InstallTask<S>,
  run: (onProgress: (step: InstallStep<S>) => void, ...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const emit = (p: InstallStep<S>, end: { finished?: boolean; error?: string } = {}) =>
    ctx.emit({
      type: 'progress',
      taskId: task.id,
      label: task.labels[p.stage],
      done: p.done,
      ...(p.total !== undefined ? { total: p.total } : {}),
      unit: p.stage === 'download' ? 'bytes' : 'steps',
      finished: end.finished ?? false,
      ...(end.error ? { error: end.error } : {}),
    });
  const once = async (...args: A): Promise<T> => {
    try {
      const result = await run((p) => emit(p), ...args);
      emit({ stage: task.lastStage, done: 1, total: 1 }, { finished: true });
      return result;
    } catch (err) {
      const error = errorMessage(err);
      ctx.logger.warn({ err: error }, `${task.what} install failed`);
      emit({ stage: task.firstStage, done: 0 }, { finished: true, error });
      throw err;
    }
  };
  let running: Promise<T> | null = null;
  return (...args) => {
    running ??= once(...args).finally(() => {
      running = null;
    });
    return running;
  };
}
