import { UserError } from '../../util/errors.js';

/** A release or an installed binary failed a check (signature, checksum, smoke test): nothing was used. */
export class ReleaseVerificationError extends UserError {
  override readonly name = 'ReleaseVerificationError';
}

/** This computer cannot run any official sn2-miner (no upstream build for it). */
export class UnsupportedPlatformError extends UserError {
  override readonly name = 'UnsupportedPlatformError';
}
