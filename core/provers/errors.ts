/** Base of every prover failure; `code` is stable for logs and the proof log's `error` field. */
export class ProverError extends Error {
  override readonly name: string = 'ProverError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ProofCancelledError extends ProverError {
  override readonly name = 'ProofCancelledError';
  constructor(what: string) {
    super(`${what}: cancelled`, 'cancelled');
  }
}

export class ProofTimeoutError extends ProverError {
  override readonly name = 'ProofTimeoutError';
  constructor(
    what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what}: timed out after ${timeoutMs} ms`, 'timeout');
  }
}

export class ProverPoolClosedError extends ProverError {
  override readonly name = 'ProverPoolClosedError';
  constructor() {
    super('the prover pool is closed', 'closed');
  }
}

/** A job failed inside a worker (snarkjs/ezkl threw) or the worker died. */
export class ProverWorkerError extends ProverError {
  override readonly name = 'ProverWorkerError';
  constructor(
    message: string,
    readonly causeName: string,
  ) {
    super(message, 'worker');
  }
}

/** The circuit cannot be served here: a file is missing, or its proof system has no usable prover. */
export class CircuitUnavailableError extends ProverError {
  override readonly name = 'CircuitUnavailableError';
  constructor(
    readonly circuitId: string,
    reason: string,
  ) {
    super(`circuit ${circuitId.slice(0, 8)}… cannot be proven here: ${reason}`, 'unavailable');
  }
}

/** A native tool (ezkl, rapidsnark…) is absent, the wrong version, or failed. */
export class NativeToolError extends ProverError {
  override readonly name = 'NativeToolError';
  constructor(
    readonly tool: string,
    message: string,
  ) {
    super(`${tool}: ${message}`, 'native');
  }
}

/** A native tool died from a signal: SIGILL means this CPU lacks an instruction the binary needs. */
export class NativeToolCrashError extends ProverError {
  override readonly name = 'NativeToolCrashError';
  constructor(
    readonly tool: string,
    readonly signal: NodeJS.Signals,
  ) {
    super(
      signal === 'SIGILL'
        ? `${tool}: crashed with SIGILL: this CPU lacks instructions the binary needs (BMI2/ADX for rapidsnark's assembly build)`
        : `${tool}: crashed with ${signal}`,
      signal === 'SIGILL' ? 'unsupported-cpu' : 'crashed',
    );
  }
}
