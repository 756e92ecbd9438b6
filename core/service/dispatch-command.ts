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

const fail = (code: BridgeErrorCode, message: string, issues?: InputIssue[]): BridgeResponse => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}) },
});

/**
 * Validates an envelope that came from another process (renderer over IPC, browser over HTTP) and runs
 * it: the command name must be in the contract and the input must pass its schema before CoreService
 * sees it. Never throws: every outcome is an envelope the other side can show.
 */
export async function dispatchCommand(service: Invoker, raw: unknown): Promise<BridgeResponse> {
  const request = BridgeRequestSchema.safeParse(raw);
  if (!request.success) return fail('bad-request', `malformed request: ${formatZodError(request.error)}`);
  const { command, input } = request.data;
  if (!isCommandName(command)) return fail('unknown-command', `unknown command "${command}"`);
  const parsed = commandSchemas[command].input.safeParse(input ?? {});
  if (!parsed.success) {
    return fail(
      'invalid-input',
      `invalid input for ${command}: ${formatZodError(parsed.error)}`,
      zodIssues(parsed.error),
    );
  }
  try {
    return { ok: true, result: await service.invoke(command, parsed.data) };
  } catch (err) {
    if (err instanceof CommandUnavailableError) return fail('unavailable', err.message);
    if (err instanceof InvalidInputError) return fail('invalid-input', err.message, err.issues);
    if (err instanceof UserError) return fail('invalid-input', err.message);
    return fail('failed', errorMessage(err));
  }
}
