import { z } from 'zod';
import {
  BATCHED_PROOF_OF_WEIGHTS_MODEL_ID,
  LSTM_MODEL_ID,
  PRACTICE_CIRCUIT_ID,
  SINGLE_PROOF_OF_WEIGHTS_MODEL_ID,
  SN27_POW_MODEL_ID,
  SN48_POW_MODEL_ID,
} from '../constants.js';
import { lstmInputs } from './lstm.js';
import { powCircomInputs } from './pow-circom.js';
import { practiceInputs } from './practice.js';
import { sn27PowInputs } from './sn27-pow.js';
import { sn48PowInputs } from './sn48-pow.js';
import type { CircuitInput, InputHandler, Rand } from './types.js';

const handlers: Record<string, InputHandler> = {
  [SINGLE_PROOF_OF_WEIGHTS_MODEL_ID]: powCircomInputs(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, 256),
  [BATCHED_PROOF_OF_WEIGHTS_MODEL_ID]: powCircomInputs(BATCHED_PROOF_OF_WEIGHTS_MODEL_ID, 1024),
  [LSTM_MODEL_ID]: lstmInputs(LSTM_MODEL_ID),
  [SN27_POW_MODEL_ID]: sn27PowInputs(SN27_POW_MODEL_ID),
  [SN48_POW_MODEL_ID]: sn48PowInputs(SN48_POW_MODEL_ID),
  [PRACTICE_CIRCUIT_ID]: practiceInputs(PRACTICE_CIRCUIT_ID),
};

/** Thrown for a circuit id that has no input handler (not one of the known circuits). */
export class UnknownCircuitInputError extends Error {
  override readonly name = 'UnknownCircuitInputError';
  constructor(readonly circuitId: string) {
    super(`no input handler for circuit ${circuitId}`);
  }
}

export function inputHandlerFor(circuitId: string): InputHandler {
  const handler = handlers[circuitId];
  if (!handler) throw new UnknownCircuitInputError(circuitId);
  return handler;
}

export const hasInputHandler = (circuitId: string): boolean => circuitId in handlers;

/** Benchmark input for a circuit, already in final form (what a validator sends). */
export const generateInput = (circuitId: string, rand?: Rand): CircuitInput =>
  inputHandlerFor(circuitId).generate(rand);

/** JSON Schema of what a real-world request for the circuit may send (for the external API's GET /circuits). */
export const inputJsonSchema = (circuitId: string): Record<string, unknown> | undefined =>
  hasInputHandler(circuitId)
    ? (z.toJSONSchema(inputHandlerFor(circuitId).requestSchema, { io: 'input' }) as Record<string, unknown>)
    : undefined;

/** Validate and process a real-world request input (throws CircuitInputError with every bad field). */
export const validateInput = (circuitId: string, raw: unknown, rand?: Rand): CircuitInput =>
  inputHandlerFor(circuitId).process(raw, rand);
