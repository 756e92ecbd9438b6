import type { ApiPromise } from '@polkadot/api';
import type { Signer as PolkadotSigner, SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { IExtrinsicEra, ISubmittableResult } from '@polkadot/types/types';
import { ChainTimeoutError, DispatchFailedError, TransactionRejectedError } from './errors.js';
import { customCodeInfo, palletErrorSentence } from './pallet-errors.js';
import type { ChainSigner } from './signer.js';
import type { NonceManager, NonceReservation } from './nonce-manager.js';

export type Extrinsic = SubmittableExtrinsic<'promise'>;

export interface SubmitOptions {
  /** Resolve at inclusion (default) or at finality. */
  waitFor?: 'inBlock' | 'finalized';
  /** Mortal era length in blocks (the SDK uses 8 for weights); default immortal-ish 64. */
  eraPeriod?: number;
  /**
   * A fixed era and its block instead of one from the current head: to submit exactly the payload a
   * browser extension signed earlier.
   */
  mortality?: { era: IExtrinsicEra; blockHash: string };
  nonces?: NonceManager;
  /** Called on every status change (ready, broadcast, inBlock, finalized). */
  onStatus?: (status: string) => void;
  /**
   * Called once the signer is no longer needed (signed and handed to the pool, refused, or timed out):
   * the place to wipe an unlocked coldkey instead of holding it until inclusion.
   */
  onSigned?: () => void;
  /**
   * Overall deadline, ms, from the call to inclusion (or finality): nonce wait, signing, pool, block.
   * Default `SUBMIT_TIMEOUT_MS[waitFor]`. A stalled subscription then rejects with ChainTimeoutError.
   */
  timeoutMs?: number;
}

/** Default deadlines: 5 blocks of 12 s to inclusion; finality (GRANDPA) a few blocks more. */
export const SUBMIT_TIMEOUT_MS = { inBlock: 60_000, finalized: 180_000 } as const;

export interface Inclusion {
  blockHash: string;
  blockNumber: number;
  extrinsicHash: string;
  /** The events emitted by this extrinsic. */
  events: EventRecord[];
  /** From TransactionPayment.TransactionFeePaid, when present. */
  feeRao?: bigint;
}

export function decodeDispatchError(
  api: ApiPromise,
  err: DispatchError,
  blockHash?: string,
): DispatchFailedError {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return new DispatchFailedError(
      meta.section,
      meta.name,
      palletErrorSentence(meta.name, meta.docs),
      blockHash,
    );
  }
  if (err.isToken)
    return new DispatchFailedError('Token', err.asToken.type, `token error ${err.asToken.type}`, blockHash);
  if (err.isArithmetic)
    return new DispatchFailedError(
      'Arithmetic',
      err.asArithmetic.type,
      'arithmetic error in the runtime',
      blockHash,
    );
  return new DispatchFailedError('System', err.type, palletErrorSentence(err.type, []), blockHash);
}

/** Turn a pool/RPC rejection ("1010: Invalid Transaction: Custom error: 11") into a typed error. */
export function decodeRejection(err: unknown): TransactionRejectedError {
  const message = err instanceof Error ? err.message : String(err);
  // Substrate nodes say "1010: Invalid Transaction: Custom error: 11"; chopsticks '{"invalid":{"custom":11}}'.
  const custom = /Custom error: (\d+)/.exec(message) ?? /"custom":\s*(\d+)/.exec(message);
  if (custom) {
    const code = Number(custom[1]);
    const info = customCodeInfo(code);
    return new TransactionRejectedError(info.name, info.sentence, code, { cause: err });
  }
  if (/Priority is too low|1014/.test(message)) {
    return new TransactionRejectedError(
      'PriorityTooLow',
      'a transaction with the same nonce is already pending',
      undefined,
      { cause: err },
    );
  }
  if (/Transaction is outdated|Stale/.test(message)) {
    return new TransactionRejectedError(
      'Stale',
      'the nonce was already used; the account sent another transaction meanwhile',
      undefined,
      { cause: err },
    );
  }
  if (/Inability to pay some fees|Payment/.test(message)) {
    return new TransactionRejectedError('Payment', 'the account cannot pay the transaction fee', undefined, {
      cause: err,
    });
  }
  if (/BadProof|bad signature/i.test(message)) {
    return new TransactionRejectedError(
      'BadProof',
      'the signature is invalid for this chain (wrong key or genesis)',
      undefined,
      { cause: err },
    );
  }
  return new TransactionRejectedError('Invalid', message.replace(/^\d+:\s*/, ''), undefined, { cause: err });
}

/**
 * Sign, submit and track one extrinsic. Resolves with its block and events once included (or
 * finalized); rejects with `TransactionRejectedError` (pool), `DispatchFailedError` (runtime) or
 * `ChainTimeoutError` (the deadline passed: the subscription is dropped, the nonce queue freed).
 */
export async function submitExtrinsic(
  api: ApiPromise,
  tx: Extrinsic,
  from: ChainSigner,
  options: SubmitOptions = {},
): Promise<Inclusion> {
  const waitFor = options.waitFor ?? 'inBlock';
  const timeoutMs = options.timeoutMs ?? SUBMIT_TIMEOUT_MS[waitFor];
  let signed = false;
  const signerDone = () => {
    if (signed) return;
    signed = true;
    options.onSigned?.();
  };
  let lastStatus = 'waiting for the nonce';
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    options.nonces?.reset(from.address);
    deadline.abort(new ChainTimeoutError(timeoutMs, waitFor, lastStatus));
  }, timeoutMs);
  try {
    const reservation = options.nonces
      ? await untilAborted(options.nonces.reserve(from.address), deadline.signal, (r) => r.release())
      : undefined;
    lastStatus = 'signing';
    return await track(api, tx, from, {
      ...options,
      waitFor,
      reservation,
      signal: deadline.signal,
      signerDone,
      onStatus: (status) => {
        lastStatus = status;
        options.onStatus?.(status);
      },
    });
  } finally {
    clearTimeout(timer);
    signerDone();
  }
}

/** `promise`, or the signal's reason once aborted; a value that arrives too late is handed to `late`. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, late: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) late(value);
        else resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** The signer, reporting when its one signature is made (or refused): the key is not needed after. */
function signingOnce(signer: PolkadotSigner, done: () => void): PolkadotSigner {
  return {
    signPayload: signer.signPayload && ((payload) => signer.signPayload!(payload).finally(done)),
    signRaw: signer.signRaw && ((raw) => signer.signRaw!(raw).finally(done)),
  };
}

interface TrackOptions extends SubmitOptions {
  waitFor: 'inBlock' | 'finalized';
  reservation: NonceReservation | undefined;
  signal: AbortSignal;
  signerDone: () => void;
}

function track(api: ApiPromise, tx: Extrinsic, from: ChainSigner, o: TrackOptions): Promise<Inclusion> {
  const { reservation, waitFor } = o;
  const nonce = reservation?.nonce ?? -1;
  return new Promise<Inclusion>((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      o.signal.removeEventListener('abort', onAbort);
      unsubscribe?.();
      fn();
    };
    // The deadline passed: stop listening, free the nonce queue, let go of the signer.
    const onAbort = () => {
      o.signerDone();
      reservation?.release();
      finish(() => reject(o.signal.reason as Error));
    };
    if (o.signal.aborted) return onAbort();
    o.signal.addEventListener('abort', onAbort, { once: true });
    const onResult = (result: ISubmittableResult) => {
      const { status } = result;
      o.onStatus?.(status.type);
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        o.nonces?.reset(from.address);
        finish(() =>
          reject(
            new TransactionRejectedError(
              status.type,
              `the transaction was ${status.type.toLowerCase()} by the pool`,
            ),
          ),
        );
        return;
      }
      const done = waitFor === 'inBlock' ? status.isInBlock || status.isFinalized : status.isFinalized;
      if (!done) return;
      const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
      finish(() => {
        if (result.dispatchError) {
          reject(decodeDispatchError(api, result.dispatchError, blockHash));
          return;
        }
        void api.rpc.chain
          .getHeader(blockHash)
          .then((header) => {
            const feeEvent = result.events.find(
              ({ event }) => event.section === 'transactionPayment' && event.method === 'TransactionFeePaid',
            );
            resolve({
              blockHash,
              blockNumber: header.number.toNumber(),
              extrinsicHash: tx.hash.toHex(),
              events: result.events,
              feeRao: feeEvent ? BigInt(feeEvent.event.data[1].toString()) : undefined,
            });
          })
          .catch(reject);
      });
    };
    tx.signAndSend(
      from.address,
      {
        signer: signingOnce(from.signer, o.signerDone),
        nonce,
        ...(o.mortality ?? { era: o.eraPeriod ?? 64 }),
      },
      onResult,
    )
      .then((unsub) => {
        o.signerDone();
        reservation?.release();
        if (settled) unsub();
        else unsubscribe = unsub;
      })
      .catch((err: unknown) => {
        o.signerDone();
        o.nonces?.reset(from.address);
        reservation?.release();
        finish(() => reject(decodeRejection(err)));
      });
  });
}

/** The first event `section.method` among an inclusion's events (e.g. subtensorModule.NeuronRegistered). */
export function findEvent(inclusion: Inclusion, section: string, method: string): EventRecord | undefined {
  return inclusion.events.find(({ event }) => event.section === section && event.method === method);
}
