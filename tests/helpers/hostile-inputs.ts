import {
  BridgeResponseSchema,
  BridgeErrorCodeSchema,
  type BridgeResponse,
} from '../../core/contract/bridge.js';
import { commandNames, commandSchemas, isCommandName, type CommandName } from '../../core/contract/index.js';
import { CommandUnavailableError, type CoreService } from '../../core/service/core-service.js';

/** Deterministic PRNG (mulberry32): a failing fuzz case replays from its seed. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names every plain object inherits, plus prototype-pollution keys: the class of name that crashed lookups. */
export const INHERITED_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
  '__proto__',
];

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  'a'.repeat(101),
  'x'.repeat(5000),
  '%00',
  '${jndi:x}',
  '<script>',
  'null',
  'undefined',
  'NaN',
  '1e999',
  '\u202e',
];

export type Next = () => number;
const pick = <T>(next: Next, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

function randomString(next: Next): string {
  const length = Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < length; i++)
    s += String.fromCharCode(Math.floor(next() * (next() < 0.9 ? 128 : 0xffff)));
  return s;
}

/** A command name: inherited properties, real names bent a little, real names, junk. */
export function hostileName(next: Next): string {
  const r = next();
  if (r < 0.35) return pick(next, INHERITED_NAMES);
  if (r < 0.5) return pick(next, ODD_STRINGS);
  if (r < 0.65) {
    const real = pick(next, commandNames);
    return pick(next, [real.toUpperCase(), `${real} `, `${real}.x`, real.slice(1), `__proto__.${real}`]);
  }
  if (r < 0.8) return pick(next, commandNames);
  return randomString(next);
}

const KEYS = [...INHERITED_NAMES, 'name', 'password', 'axon', 'port', 'mining', 'nativePaths', 'input', 'x'];

/** A JSON-shaped value with hostile keys, odd numbers and deep nesting. */
export function hostileValue(next: Next, depth = 0): unknown {
  const r = next();
  if (depth > 3 || r < 0.3)
    return pick(next, [
      null,
      true,
      0,
      -1,
      1.5,
      2 ** 53 + 1,
      -0,
      1e308,
      '',
      '0',
      pick(next, ODD_STRINGS),
      randomString(next),
    ]);
  if (r < 0.45) return Array.from({ length: Math.floor(next() * 4) }, () => hostileValue(next, depth + 1));
  if (r < 0.55) {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = next() < 0.5 ? [deep] : { a: deep };
    return deep;
  }
  // Built as JSON text so "__proto__" becomes an own key, as it does when a request body is parsed.
  const entries = Array.from(
    { length: 1 + Math.floor(next() * 4) },
    () => `${JSON.stringify(pick(next, KEYS))}:${JSON.stringify(hostileValue(next, depth + 1)) ?? 'null'}`,
  );
  return JSON.parse(`{${entries.join(',')}}`);
}

/** A bridge envelope: mostly `{command, input}` with hostile parts, sometimes not an envelope at all. */
export function hostileEnvelope(next: Next): unknown {
  const r = next();
  if (r < 0.1) return hostileValue(next);
  if (r < 0.15) return { command: hostileName(next), input: hostileValue(next), [pick(next, KEYS)]: 1 };
  if (r < 0.2) return { command: hostileValue(next), input: {} };
  return { command: hostileName(next), input: next() < 0.2 ? {} : hostileValue(next) };
}

/** Commands the fuzz lets through to the real core: local, quick, and harmless in a scratch data folder. */
const RUN_FOR_REAL = new Set<CommandName>(['app.info', 'settings.get', 'settings.update', 'wallet.list']);

/**
 * Wraps a real CoreService for a fuzz run. It records every call that got past the bridge and checks
 * the bridge's promise: only a contract command with input its schema accepts reaches the core. Calls
 * that would reach the network or start work (mining, chain queries, benchmarks) are answered as
 * unavailable after that check, so the fuzz stays local and fast.
 */
export function guardedService(real: Pick<CoreService, 'invoke' | 'onEvent'>) {
  const violations: string[] = [];
  const reached = new Map<string, number>();
  const service: Pick<CoreService, 'invoke' | 'onEvent'> = {
    onEvent: (listener) => real.onEvent(listener),
    invoke: ((name: CommandName, input: unknown) => {
      if (!isCommandName(name)) violations.push(`non-command "${String(name)}" reached the core`);
      else if (!commandSchemas[name].input.safeParse(input).success)
        violations.push(`invalid input for ${name} reached the core`);
      reached.set(name, (reached.get(name) ?? 0) + 1);
      return RUN_FOR_REAL.has(name)
        ? real.invoke(name, input)
        : Promise.reject(new CommandUnavailableError(name));
    }) as CoreService['invoke'],
  };
  return { service, violations, reached };
}

/** A reply is typed: a valid envelope, and a refusal carries one of the bridge's error codes and a one-line message. */
export function typedReplyProblem(reply: unknown): string | null {
  const parsed = BridgeResponseSchema.safeParse(reply);
  if (!parsed.success) return `not a bridge envelope: ${JSON.stringify(reply)?.slice(0, 200)}`;
  const res: BridgeResponse = parsed.data;
  if (res.ok) return null;
  if (!BridgeErrorCodeSchema.safeParse(res.error.code).success) return `untyped code ${res.error.code}`;
  if (!res.error.message || res.error.message.includes('\n'))
    return `error message is not one line: ${res.error.message}`;
  return null;
}
