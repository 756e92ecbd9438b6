import {
  commandSchemas,
  CoreEventSchema,
  type CommandName,
  type CommandOutput,
  type CoreEvent,
} from '../../../core/contract/index.js';
import { BridgeResponseSchema } from '../../../core/contract/bridge.js';
import { CoreCallError } from './transport.js';

/** Unwraps a bridge envelope into the command's typed output, or throws CoreCallError. */
export function unwrapResponse<N extends CommandName>(name: N, raw: unknown): CommandOutput<N> {
  const envelope = BridgeResponseSchema.safeParse(raw);
  if (!envelope.success)
    throw new CoreCallError('failed', `the core sent a malformed reply to ${name}`, name);
  if (!envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    throw new CoreCallError(code, message, name, issues);
  }
  const output = commandSchemas[name].output.safeParse(envelope.data.result);
  if (!output.success) {
    throw new CoreCallError('failed', `the core's reply to ${name} does not match the contract`, name);
  }
  return output.data as CommandOutput<N>;
}

/** A CoreEvent from another process, or null (with a console note) when it breaks the contract. */
export function parseEvent(raw: unknown): CoreEvent | null {
  const parsed = CoreEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('dropped an event that does not match the contract', parsed.error.issues[0]);
  return null;
}
