import { ChainUnavailableError } from '../../chain/errors.js';

const LOST = /WebSocket is not connected|disconnected from/;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * polkadot-js reports a dropped socket as "WebSocket is not connected" plus the raw request; the
 * ChainClient reconnects on its own, so the user needs only that sentence. Other errors pass through.
 */
export function connectionLostError(endpoint: string, err: unknown): unknown {
  const cause = err instanceof Error ? err.cause : undefined;
  if (!LOST.test(messageOf(err)) && !(cause !== undefined && LOST.test(messageOf(cause)))) return err;
  return new ChainUnavailableError(
    endpoint,
    'the connection was lost; reconnecting in the background, try again in a moment',
    { cause: err },
  );
}
