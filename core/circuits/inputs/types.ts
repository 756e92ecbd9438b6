import type { z } from 'zod';

/** A circuit input: a JSON object whose key order is significant (EZKL reads values positionally). */
export type CircuitInput = Record<string, unknown>;

/** Uniform random number in [0, 1); injectable so tests are reproducible. */
export type Rand = () => number;

/**
 * What each circuit provides (sn2-protocol §5.1): `generate` makes a benchmark input already in final
 * form; `process` validates and processes a real-world request input (RWR) into what goes on the wire.
 * Miners never call either: they prove the input exactly as received.
 */
export interface InputHandler {
  /** What a real-world request may send (constants that are filled in when missing are optional). */
  requestSchema: z.ZodType;
  generate(rand?: Rand): CircuitInput;
  process(raw: unknown, rand?: Rand): CircuitInput;
}

/** An input that does not match the circuit's schema; the message names every offending field. */
export class CircuitInputError extends Error {
  override readonly name = 'CircuitInputError';
  constructor(
    readonly circuitId: string,
    detail: string,
  ) {
    super(`invalid input for circuit ${circuitId.slice(0, 8)}…: ${detail}`);
  }
}
