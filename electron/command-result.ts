// Main process: a bridge response from the core process as a typed command result.
import type { BridgeResponse } from '../core/contract/bridge.js';
import { commandSchemas, type CommandName, type CommandOutput } from '../core/contract/index.js';

/** A refused or failed command, with the bridge's error code. */
export class CoreCommandError extends Error {
  override readonly name = 'CoreCommandError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The result of `name`, checked against its output schema (it crossed a process boundary), or throws. */
export function commandResult<N extends CommandName>(name: N, response: BridgeResponse): CommandOutput<N> {
  if (!response.ok) throw new CoreCommandError(response.error.code, response.error.message);
  return commandSchemas[name].output.parse(response.result) as CommandOutput<N>;
}
