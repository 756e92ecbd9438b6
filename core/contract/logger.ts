import { pino, type Logger } from 'pino';

/** The structured logger every layer writes to (pino's interface); CoreService creates the real one. */
export type { Logger };

/** A logger that drops everything, for tests and short-lived CLI runs that don't want a log file. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
