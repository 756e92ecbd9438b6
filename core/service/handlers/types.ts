import type { z } from 'zod';
import type { CommandName, CommandOutput, commandSchemas } from '../../contract/index.js';
import type { ServiceContext } from '../service-context.js';

export type Handler<N extends CommandName> = (
  input: z.output<(typeof commandSchemas)[N]['input']>,
) => Promise<CommandOutput<N>>;

export type HandlerMap = { [N in CommandName]: Handler<N> };

/** One area of the core (settings, wallet, miner…): its handlers and what to do on shutdown. */
export interface AreaHandlers {
  handlers: Partial<HandlerMap>;
  dispose?: () => Promise<void> | void;
}

export type AreaFactory = (ctx: ServiceContext) => AreaHandlers;
