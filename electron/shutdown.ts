// Main process: quitting never cuts a proof mid-way. The first quit request is held until
// CoreService.close() has stopped the miner/validator and their in-flight proofs have finished.
import type { CoreService } from '../core/service/core-service.js';

export interface QuitEvent {
  preventDefault(): void;
}

export function gracefulQuit(
  service: Pick<CoreService, 'close'>,
  exit: (code: number) => void,
  log: (msg: string) => void,
): { onBeforeQuit: (event: QuitEvent) => void; readonly quitting: boolean } {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return {
    get quitting() {
      return state !== 'running';
    },
    onBeforeQuit(event) {
      if (state === 'closed') return; // our own exit below
      event.preventDefault();
      if (state === 'closing') return;
      state = 'closing';
      log('quit requested: stopping the core and waiting for in-flight proofs');
      service.close().then(
        () => {
          state = 'closed';
          exit(0);
        },
        (err: unknown) => {
          log(`core did not close cleanly: ${(err as Error).message}`);
          state = 'closed';
          exit(1);
        },
      );
    },
  };
}
