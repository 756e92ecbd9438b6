import type { CoreEvent } from '../../contract/index.js';

/** One step of an install (download, verify, place…) as its installer reports it. */
export interface InstallStep<S extends string> {
  stage: S;
  done: number;
  total?: number;
}

/** Turns an installer's steps into `progress` events of one task (bytes while downloading, steps after). */
export function installProgress<S extends string>(
  emit: (event: CoreEvent) => void,
  taskId: string,
  labels: Record<S, string>,
): (step: InstallStep<S>, end?: { finished?: boolean; error?: string }) => void {
  return (p, end = {}) =>
    emit({
      type: 'progress',
      taskId,
      label: labels[p.stage],
      done: p.done,
      ...(p.total !== undefined ? { total: p.total } : {}),
      unit: p.stage === 'download' ? 'bytes' : 'steps',
      finished: end.finished ?? false,
      ...(end.error ? { error: end.error } : {}),
    });
}
