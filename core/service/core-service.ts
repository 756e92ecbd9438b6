import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import {
  commandSchemas,
  isCommandName,
  CoreEventSchema,
  type CommandName,
  type CommandOutput,
  type CoreEvent,
} from '../contract/index.js';
import { dataPaths } from '../util/paths.js';
import { SettingsStore } from './settings-store.js';
import { ProofLog } from './proof-log.js';
import type { Logger } from '../contract/logger.js';
import { closeLogger, createLogger } from './logger.js';
import { InvalidInputError, UserError } from '../util/errors.js';
import { formatZodError, zodIssues } from '../util/zod-error.js';
import { handlerFactories, type HandlerMap } from './handlers/index.js';
import type { ServiceContext } from './service-context.js';
import type { HostHooks } from './host-hooks.js';

/** A command of the contract that no area of the core serves in this build (yet). */
export class CommandUnavailableError extends Error {
  override readonly name = 'CommandUnavailableError';
  constructor(readonly command: string) {
    super(`"${command}" is not available in this build of the core`);
  }
}

export interface ServiceOptions {
  /** Data folder; defaults to $SN2_HOME or the OS convention. */
  dataDir?: string;
  logger?: Logger;
  /** What only the program hosting the core can do (confirm with the user, read the OS idle state). */
  host?: HostHooks;
}

/**
 * The one facade over the core. Electron's main process, the `sn2 ui` web bridge and the CLI drive the
 * core only through `invoke` and `onEvent`; every input is validated against the contract's schemas.
 */
export class CoreService {
  readonly context: ServiceContext;
  private readonly emitter = new EventEmitter();
  private readonly handlers: HandlerMap;
  private readonly disposers: Array<() => Promise<void> | void> = [];

  constructor(options: ServiceOptions = {}) {
    const paths = dataPaths(options.dataDir);
    mkdirSync(paths.root, { recursive: true, mode: 0o700 });
    this.emitter.setMaxListeners(100);
    const logger = options.logger ?? createLogger(paths.logs);
    this.context = {
      paths,
      settings: new SettingsStore(paths.settings),
      proofLog: new ProofLog(paths.proofLog),
      logger,
      host: options.host ?? {},
      emit: (event) => this.emit(event),
      onEvent: (listener) => this.onEvent(listener),
      invoke: (name, input) => this.invoke(name, input),
    };
    const handlers: Partial<HandlerMap> = {};
    for (const factory of handlerFactories) {
      const area = factory(this.context);
      Object.assign(handlers, area.handlers);
      if (area.dispose) this.disposers.push(area.dispose);
    }
    this.handlers = handlers as HandlerMap;
  }

  async invoke<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>> {
    if (!isCommandName(name)) throw new UserError(`unknown command "${String(name)}"`);
    const parsed = commandSchemas[name].input.safeParse(input ?? {});
    if (!parsed.success)
      throw new InvalidInputError(
        `invalid input for ${name}: ${formatZodError(parsed.error)}`,
        zodIssues(parsed.error),
      );
    if (!Object.hasOwn(this.handlers, name)) throw new CommandUnavailableError(name);
    const handler = this.handlers[name] as (input: unknown) => Promise<CommandOutput<N>>;
    return handler(parsed.data);
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  private emit(event: CoreEvent): void {
    // Events cross process boundaries: a malformed one is a bug here, caught before it leaves.
    const checked = CoreEventSchema.parse(event);
    if (checked.type === 'proof') this.context.proofLog.append(checked.entry);
    this.emitter.emit('event', checked);
  }

  /** Stop everything (miner, validator, chain connections) and wait for in-flight proofs to finish. */
  async close(): Promise<void> {
    for (const dispose of this.disposers.reverse()) await dispose();
    this.emitter.removeAllListeners();
    // Only the logger this service made is closed (a caller's own logger stays the caller's).
    await closeLogger(this.context.logger);
  }
}
