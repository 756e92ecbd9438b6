import { act } from '@testing-library/react';
import type { BridgeError, Sn2PreloadApi } from '../../../core/contract/bridge.js';
import type { CoreEvent } from '../../../core/contract/index.js';
import { electronTransport } from '../transport/electron-transport.js';

export type Replies = Record<string, (input: unknown) => unknown>;

/** Thrown by a reply to make the fake core refuse the command, as the bridge would. */
export class Refusal extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
  }
}

/**
 * A preload stand-in answering per command. Replies go through the real electron transport, so each one
 * must match the contract's output schema, as the core's would.
 */
export function fakeCore(replies: Replies) {
  const listeners = new Set<(e: unknown) => void>();
  const calls: Array<{ command: string; input: unknown }> = [];
  const api: Sn2PreloadApi = {
    invoke: async (command, input) => {
      calls.push({ command, input });
      const reply = replies[command];
      if (!reply) return { ok: false, error: { code: 'unavailable', message: `${command} not here` } };
      try {
        return { ok: true, result: reply(input) };
      } catch (err) {
        if (err instanceof Refusal) return { ok: false, error: err.error };
        throw err;
      }
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    transport: electronTransport(api),
    calls,
    push: (event: CoreEvent) => act(() => listeners.forEach((l) => l(event))),
  };
}
