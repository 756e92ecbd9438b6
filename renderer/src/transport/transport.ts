import type { CommandInput, CommandName, CommandOutput, CoreEvent } from '../../../core/contract/index.js';
import type { BridgeErrorCode, InputIssue } from '../../../core/contract/bridge.js';

/** Whether the transport can currently reach the core (the web bridge can lose its socket). */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/**
 * The renderer's only way to the core: Electron's preload (`window.sn2`) or the `sn2 ui` web bridge,
 * behind the same API. Results and events are checked against the contract's schemas on arrival.
 */
export interface CoreTransport {
  readonly kind: 'electron' | 'web';
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
}

/** A command that did not succeed, with the bridge's reason code and a message fit to show as-is. */
export class CoreCallError extends Error {
  override readonly name = 'CoreCallError';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    readonly command: string,
    /** With "invalid-input": the fields the core refused. */
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
  }
}
