// Main process: the contract's update.* commands served by the real UpdateController, in front of the
// core (whose own handlers answer `unsupported`, as they do in `sn2 ui` and the CLI).
import { BridgeRequestSchema, type BridgeResponse } from '../core/contract/bridge.js';
import { commandSchemas, type CommandOutput } from '../core/contract/index.js';
import type { CoreBridge } from './core-bridge.js';
import type { UpdateController } from './updater.js';

export type UpdateSource = Pick<UpdateController, 'current' | 'check' | 'restartToUpdate'>;

type UpdateCommand = 'update.status' | 'update.check' | 'update.restart';
const UPDATE_COMMANDS: Record<UpdateCommand, true> = {
  'update.status': true,
  'update.check': true,
  'update.restart': true,
};
// Own properties only: a name like "constructor" must not count as an update command.
const isUpdateCommand = (name: string): name is UpdateCommand => Object.hasOwn(UPDATE_COMMANDS, name);

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
 * The core with update.* answered here by `updates` (after the same input check the core applies);
 * every other envelope goes to the core unchanged.
 */
export function withUpdateCommands(core: CoreBridge, updates: () => UpdateSource): CoreBridge {
  return {
    onEvent: (listener) => core.onEvent(listener),
    dispatch: async (raw): Promise<BridgeResponse> => {
      const request = BridgeRequestSchema.safeParse(raw);
      if (!request.success || !isUpdateCommand(request.data.command)) return core.dispatch(raw);
      const { command, input } = request.data;
      if (!commandSchemas[command].input.safeParse(input ?? {}).success)
        return { ok: false, error: { code: 'invalid-input', message: `${command} takes no input` } };
      try {
        return { ok: true, result: await serveUpdate(command, updates()) };
      } catch (err) {
        return { ok: false, error: { code: 'failed', message: (err as Error).message } };
      }
    },
  };
}
