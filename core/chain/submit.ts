import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { IExtrinsicEra, ISubmittableResult } from '@polkadot/types/types';
import { DispatchFailedError, TransactionRejectedError } from './errors.js';
import { customCodeInfo, palletErrorSentence } from './pallet-errors.js';
import type { ChainSigner } from './signer.js';
import type { NonceManager } from './nonce-manager.js';

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
}

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
 * finalized); rejects with `TransactionRejectedError` (pool) or `DispatchFailedError` (runtime).
 */
export async function submitExtrinsic(
  api: ApiPromise,
  tx: Extrinsic,
  from: ChainSigner,
  options: SubmitOptions = {},
): Promise<Inclusion> {
  const waitFor = options.waitFor ?? 'inBlock';
  const reservation = options.nonces ? await options.nonces.reserve(from.address) : undefined;
  const nonce = reservation?.nonce ?? -1;
  return new Promise<Inclusion>((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      fn();
    };
    const onResult = (result: ISubmittableResult) => {
      const { status } = result;
      options.onStatus?.(status.type);
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        options.nonces?.reset(from.address);
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
      { signer: from.signer, nonce, ...(options.mortality ?? { era: options.eraPeriod ?? 64 }) },
      onResult,
    )
      .then((unsub) => {
        reservation?.release();
        if (settled) unsub();
        else unsubscribe = unsub;
      })
      .catch((err: unknown) => {
        options.nonces?.reset(from.address);
        reservation?.release();
        finish(() => reject(decodeRejection(err)));
      });
  });
}

/** The first event `section.method` among an inclusion's events (e.g. subtensorModule.NeuronRegistered). */
export function findEvent(inclusion: Inclusion, section: string, method: string): EventRecord | undefined {
  return inclusion.events.find(({ event }) => event.section === section && event.method === method);
}
