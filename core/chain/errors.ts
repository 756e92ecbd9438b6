/** Base of every chain-side failure; `message` is one human sentence. */
export class ChainError extends Error {
  override readonly name: string = 'ChainError';
}

/** The endpoint could not be reached (refused, DNS, TLS, timeout). */
export class ChainUnavailableError extends ChainError {
  override readonly name = 'ChainUnavailableError';
  constructor(
    readonly endpoint: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot reach the chain at ${endpoint}: ${detail}`, options);
  }
}

/** Something answered, but it is not a subtensor chain (no SubtensorModule pallet). */
export class NotSubtensorError extends ChainError {
  override readonly name = 'NotSubtensorError';
  constructor(
    readonly endpoint: string,
    readonly specName: string,
  ) {
    super(`${endpoint} is not a subtensor chain (runtime "${specName}" has no SubtensorModule pallet)`);
  }
}

/** Included in a block but failed: the runtime's pallet error, decoded through the metadata. */
export class DispatchFailedError extends ChainError {
  override readonly name = 'DispatchFailedError';
  constructor(
    readonly pallet: string,
    readonly error: string,
    readonly sentence: string,
    readonly blockHash?: string,
  ) {
    super(`${pallet}.${error}: ${sentence}`);
  }
}

/** Refused by the transaction pool before inclusion (RPC 1010/1012/1014…), e.g. a custom validity code. */
export class TransactionRejectedError extends ChainError {
  override readonly name = 'TransactionRejectedError';
  constructor(
    readonly reason: string,
    readonly sentence: string,
    readonly customCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`transaction rejected (${reason}): ${sentence}`, options);
  }
}

/** A feature the chain uses that this client cannot perform (e.g. timelocked commit-reveal). */
export class UnsupportedChainFeatureError extends ChainError {
  override readonly name = 'UnsupportedChainFeatureError';
}

/** A check made before submitting, with the same outcome the chain would give (so nothing is sent). */
export class PreflightError extends ChainError {
  override readonly name = 'PreflightError';
  constructor(
    readonly error: string,
    sentence: string,
  ) {
    super(`${error}: ${sentence}`);
  }
}

/**
 * No inclusion (or finality) before the deadline: the node stalled or the subscription went quiet.
 * The transaction may still land later; read the chain before sending it again.
 */
export class ChainTimeoutError extends ChainError {
  override readonly name = 'ChainTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly waitFor: 'inBlock' | 'finalized',
    readonly lastStatus: string,
  ) {
    super(
      `no ${waitFor === 'inBlock' ? 'inclusion' : 'finality'} within ${Math.round(timeoutMs / 1000)} s (last status: ${lastStatus}); it may still be included later, check the chain before sending it again`,
    );
  }
}
