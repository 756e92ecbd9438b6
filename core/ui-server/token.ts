import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh bridge token: 32 random bytes as hex (also valid inside a WebSocket sub-protocol name). */
export const createBridgeToken = (): string => randomBytes(32).toString('hex');

/** Constant-time comparison, so the token cannot be guessed byte by byte from response timings. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match?.[1];
}
