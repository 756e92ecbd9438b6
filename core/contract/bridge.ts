import { z } from 'zod';

/**
 * The wire format a front end uses to reach CoreService from another process: the Electron IPC channel
 * and the `sn2 ui` HTTP/WebSocket bridge carry the same envelopes, so the renderer has one transport API.
 */

export const BridgeRequestSchema = z
  .object({ command: z.string().min(1).max(100), input: z.unknown() })
  .strict();
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

export const BridgeErrorCodeSchema = z.enum([
  /** Missing or wrong token (web bridge) or untrusted sender (Electron IPC). */
  'unauthorized',
  /** The envelope itself is malformed (not JSON, wrong shape, too large). */
  'bad-request',
  'unknown-command',
  /** The input failed the command's schema, or the user gave something the core refused. */
  'invalid-input',
  /** The command exists in the contract but no part of the core serves it in this build. */
  'unavailable',
  /** The handler ran and failed. */
  'failed',
]);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCodeSchema>;

/** One field the core refused, by its dotted path in the command's input (e.g. "axon.port"). */
export const InputIssueSchema = z.object({ path: z.string(), message: z.string() });
export type InputIssue = z.infer<typeof InputIssueSchema>;

export const BridgeErrorSchema = z.object({
  code: BridgeErrorCodeSchema,
  message: z.string(),
  /** With "invalid-input": each refused field, so a form can mark it. */
  issues: z.array(InputIssueSchema).optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export const BridgeResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
export type BridgeResponse = z.infer<typeof BridgeResponseSchema>;

/** HTTP paths and the WebSocket sub-protocols of the `sn2 ui` bridge. */
export const BRIDGE_INVOKE_PATH = '/api/invoke';
export const BRIDGE_EVENTS_PATH = '/api/events';
export const BRIDGE_EVENTS_PROTOCOL = 'sn2.events.v1';
/** Browsers cannot set headers on a WebSocket: the token travels as a second sub-protocol. */
export const BRIDGE_TOKEN_PROTOCOL_PREFIX = 'sn2.token.';
/** The URL fragment key carrying the token (a fragment never reaches the server or its logs). */
export const BRIDGE_TOKEN_FRAGMENT_KEY = 'token';

/**
 * What the Electron preload exposes as `window.sn2`: untyped at the boundary on purpose, the renderer
 * checks every envelope and event with the schemas above and the contract's.
 */
export interface Sn2PreloadApi {
  invoke(command: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}
