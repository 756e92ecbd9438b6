// Main process: quitting never cuts a proof mid-way. The first quit request is held until the core
// process has stopped the miner/validator, their in-flight proofs have finished, and it has exited.

export interface QuitEvent {
  preventDefault(): void;
}

export function gracefulQuit(
  service: { close(): Promise<void> },
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
