import type {
  CircuitStats,
  CommandOutput,
  CoreEvent,
  RefusalSummary,
  RunState,
} from '../../contract/index.js';
import { errorMessage } from '../../util/errors.js';

export type ComponentStatus = CommandOutput<'miner.status'>;

/** A started miner or validator, as the lifecycle needs it. */
export interface RunningNode {
  /** Shown with `running`, e.g. which wallet and network. */
  readonly detail?: string;
  readonly axon?: { host: string; port: number; externalIp?: string };
  stats(): CircuitStats[];
  inFlight(): number;
  /** The miner's axon refusals. */
  refusals?(): RefusalSummary;
  /** Stop taking work, let in-flight proofs finish, release everything. */
  stop(): Promise<void>;
  /** Health hook: `listener` is called (once) when the node dies on its own after `running`. */
  onFailure?(listener: (reason: string) => void): void;
  /** The running detail changed (e.g. paused while the computer is in use). */
  onDetail?(listener: (detail: string) => void): void;
  /** A node that restarts itself (the 2026 engine) reports `starting` while it does and `running` when back. */
  onState?(listener: (state: 'starting' | 'running', detail: string) => void): void;
}

/** `miner.start`/`validator.start` could not bring the component up; the status says `error` with the same text. */
export class ComponentStartError extends Error {
  override readonly name = 'ComponentStartError';
}

/**
 * The run state of the miner or the validator. Transitions are serialised and every one is emitted
 * as a `status` event: starting → running | error, stopping → stopped. Start while running and stop
 * while stopped are no-ops that return the current status.
 */
export class ComponentLifecycle {
  private state: RunState = 'stopped';
  private detail: string | undefined;
  private since = Date.now();
  private node: RunningNode | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly component: 'miner' | 'validator',
    private readonly emit: (event: CoreEvent) => void,
  ) {}

  status(): ComponentStatus {
    return {
      state: this.state,
      detail: this.detail,
      since: this.since,
      axon: this.node?.axon,
      stats: this.node?.stats() ?? [],
      inFlight: this.node?.inFlight() ?? 0,
      refusals: this.node?.refusals?.(),
    };
  }

  get running(): boolean {
    return this.node !== undefined;
  }

  /** Launch unless already running; `progress` updates the `starting` detail. Throws ComponentStartError. */
  start(launch: (progress: (detail: string) => void) => Promise<RunningNode>): Promise<ComponentStatus> {
    return this.serialise(async () => {
      if (this.node) return this.status();
      this.set('starting', undefined);
      try {
        this.node = await launch((detail) => this.set('starting', detail));
      } catch (err) {
        this.set('error', errorMessage(err));
        throw new ComponentStartError(`${this.component} could not start: ${errorMessage(err)}`);
      }
      const node = this.node;
      node.onFailure?.((reason) => void this.fail(node, reason));
      node.onState?.((state, detail) => {
        if (this.node === node && this.state !== 'stopping') this.set(state, detail);
      });
      this.set('running', node.detail);
      node.onDetail?.((detail) => {
        if (this.node === node && this.state === 'running') this.set('running', detail);
      });
      return this.status();
    });
  }

  /** A running node died: `error` with the reason right away, then release what it still holds. */
  private fail(node: RunningNode, reason: string): Promise<void> {
    return this.serialise(async () => {
      if (this.node !== node) return;
      this.node = undefined;
      this.set('error', `${this.component} stopped unexpectedly: ${reason}`);
      await node.stop().catch(() => undefined);
    });
  }

  stop(): Promise<ComponentStatus> {
    return this.serialise(async () => {
      const node = this.node;
      if (!node) {
        if (this.state === 'error') this.set('stopped', undefined);
        return this.status();
      }
      this.set(
        'stopping',
        node.inFlight() > 0 ? `finishing ${node.inFlight()} proof(s) in flight` : undefined,
      );
      try {
        await node.stop();
      } finally {
        this.node = undefined;
        this.set('stopped', undefined);
      }
      return this.status();
    });
  }

  private serialise<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private set(state: RunState, detail: string | undefined): void {
    this.state = state;
    this.detail = detail;
    this.since = Date.now();
    this.emit({ type: 'status', component: this.component, state, detail, at: this.since });
  }
}
