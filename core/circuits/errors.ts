import { DownloadError } from '../util/download-errors.js';

/** A circuit file is missing or failed its check; `retryable` says whether trying again may help. */
export class CircuitFileError extends DownloadError {
  override readonly name: string = 'CircuitFileError';
}

export class UnknownCircuitError extends Error {
  override readonly name = 'UnknownCircuitError';
  constructor(readonly circuitId: string) {
    super(`unknown circuit ${circuitId}`);
  }
}
