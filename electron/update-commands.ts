// Main process: the contract's update.* commands served by the real UpdateController, in front of the
// core (whose own handlers answer `unsupported`, as they do in `sn2 ui` and the CLI).
import type { CoreService } from '../core/service/core-service.js';
import type { CommandName, CommandOutput } from '../core/contract/index.js';
import type { UpdateController } from './updater.js';

export type CoreFacade = Pick<CoreService, 'invoke' | 'onEvent'>;
export type UpdateSource = Pick<UpdateController, 'current' | 'check' | 'restartToUpdate'>;

type UpdateCommand = 'update.status' | 'update.check' | 'update.restart';
const isUpdateCommand = (name: CommandName): name is UpdateCommand => name.startsWith('update.');

async function serveUpdate(
  name: UpdateCommand,
  updates: UpdateSource,
): Promise<CommandOutput<UpdateCommand>> {
  switch (name) {
    case 'update.status':
      return updates.current;
    case 'update.check':
      await updates.check();
      return updates.current;
    case 'update.restart':
      return updates.restartToUpdate();
  }
}

/**
 * The core with update.* answered by `updates` (the input was already validated by the caller, see
 * `dispatchCommand`); every other command goes to the core unchanged.
 */
export function withUpdateCommands(core: CoreFacade, updates: () => UpdateSource): CoreFacade {
  return {
    onEvent: (listener) => core.onEvent(listener),
    invoke: <N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>> =>
      isUpdateCommand(name)
        ? (serveUpdate(name, updates()) as Promise<CommandOutput<N>>)
        : core.invoke(name, input),
  };
}
