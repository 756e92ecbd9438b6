import type { ExtDef } from '@polkadot/types/extrinsic/signedExtensions/types';

/**
 * Subtensor's transaction extensions that carry no bytes (spec 293 and 425). Declaring them stops
 * polkadot-js from warning "Unknown signed extensions … treating them as no-effect" on every
 * signature. An extension that ever carries data must be described here with its real types.
 */
export const SUBTENSOR_SIGNED_EXTENSIONS: ExtDef = Object.fromEntries(
  [
    'SubtensorTransactionExtension',
    'SudoTransactionExtension',
    'CheckShieldedTxValidity',
    'DrandPriority',
  ].map((name) => [name, { extrinsic: {}, payload: {} }]),
);
