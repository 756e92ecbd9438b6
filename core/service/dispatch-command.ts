import type { z } from 'zod';
import { commandSchemas, isCommandName } from '../contract/index.js';
import {
  BridgeRequestSchema,
  type BridgeErrorCode,
  type BridgeResponse,
  type InputIssue,
} from '../contract/bridge.js';
import { CommandUnavailableError, type CoreService } from './core-service.js';
import { InvalidInputError, UserError, errorMessage } from '../util/errors.js';
import { formatZodError, zodIssues } from '../util/zod-error.js';

/** The slice of CoreService a bridge needs (lets tests pass a real service or a narrowed one). */
export type Invoker = Pick<CoreService, 'invoke'>;

/** Control characters (a caller's name or key may hold "\n") are escaped: an error stays one line. */
const oneLine = (text: string): string =>
  text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const fail = (code: BridgeErrorCode, message: string, issues?: InputIssue[]): BridgeResponse => ({
  ok: false,
  error: { code, message: oneLine(message), ...(issues ? { issues } : {}) },
});

/**
 * Validates an envelope that came from another process (renderer over IPC, browser over HTTP) and runs
 * it: the command name must be in the contract and the input must pass its schema before CoreService
 * sees it. Never throws: every outcome is an envelope the other side can show.
 */
export async function dispatchCommand(service: Invoker, raw: unknown): Promise<BridgeResponse> {
  try {
    return await validateAndRun(service, raw);
  } catch (err) {
    // Whatever a caller sends, the answer is an envelope: a throw here would reject the IPC/HTTP handler.
    if (err instanceof CommandUnavailableError) return fail('unavailable', err.message);
    if (err instanceof InvalidInputError) return fail('invalid-input', err.message, err.issues);
    if (err instanceof UserError) return fail('invalid-input', err.message);
    return fail('failed', errorMessage(err));
  }
}

async function validateAndRun(service: Invoker, raw: unknown): Promise<BridgeResponse> {
  const request = parseUntrusted(BridgeRequestSchema, raw);
  if (!request.success) return fail('bad-request', `malformed request: ${request.message}`);
  const { command, input } = request.data;
  if (!isCommandName(command)) return fail('unknown-command', `unknown command ${JSON.stringify(command)}`);
  const parsed = parseUntrusted(commandSchemas[command].input, input ?? {});
  if (!parsed.success)
    return fail('invalid-input', `invalid input for ${command}: ${parsed.message}`, parsed.issues);
  return { ok: true, result: await service.invoke(command, parsed.data) };
}

type Checked<T> = { success: true; data: T } | { success: false; message: string; issues?: InputIssue[] };

/**
 * `safeParse` that cannot throw: zod 4 itself throws on some hostile values (an object whose own
 * `length` or `toString` is not what a check expects), and that must still be a refusal, not a crash.
 */
function parseUntrusted<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  try {
    const result = schema.safeParse(value);
    if (result.success) return { success: true, data: result.data };
    return { success: false, message: formatZodError(result.error), issues: zodIssues(result.error) };
  } catch (err) {
    return { success: false, message: `a value could not be checked (${errorMessage(err)})` };
  }
}
