import type { ApiPromise } from '@polkadot/api';
import type { SignerPayloadJSON } from '@polkadot/types/types';
import { blake2AsU8a, signatureVerify } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { ChainError } from '../errors.js';
import { chainSignerFromInjected } from '../signer.js';
import { submitExtrinsic, type Extrinsic, type Inclusion } from '../submit.js';

/** The extension signed something other than what is being submitted, or for another account. */
export class ExternalSignatureError extends ChainError {
  override readonly name = 'ExternalSignatureError';
}

export interface PreparedPayload {
  /** For the extension's `signPayload`. */
  payload: SignerPayloadJSON;
  /** Last block at which the signed transaction is still valid (its mortal era). */
  validUntilBlock: number;
}

/**
 * The unsigned payload of `tx` from `address`, fixed to the account's next nonce and a mortal era
 * starting at the current head, so it can be signed elsewhere (a browser extension) and submitted
 * later byte for byte.
 */
export async function prepareSignerPayload(
  api: ApiPromise,
  tx: Extrinsic,
  address: string,
  eraPeriod = 64,
): Promise<PreparedPayload> {
  const [nonce, header] = await Promise.all([
    api.rpc.system.accountNextIndex(address),
    api.rpc.chain.getHeader(),
  ]);
  const era = api.registry.createType('ExtrinsicEra', { current: header.number, period: eraPeriod });
  const payload = api.registry
    .createType('SignerPayload', {
      address,
      blockHash: header.hash,
      blockNumber: header.number,
      era,
      genesisHash: api.genesisHash,
      method: tx.method,
      nonce,
      runtimeVersion: api.runtimeVersion,
      signedExtensions: api.registry.signedExtensions,
      version: api.extrinsicVersion,
    })
    .toPayload();
  return { payload, validUntilBlock: era.asMortalEra.death(header.number.toNumber()) - 1 };
}

/** The bytes an sr25519 signer signs for a payload (hashed when longer than 256 bytes). */
function signedBytes(api: ApiPromise, payload: SignerPayloadJSON): Uint8Array {
  const bytes = api.registry
    .createType('ExtrinsicPayload', payload, { version: payload.version })
    .toU8a({ method: true });
  return bytes.length > 256 ? blake2AsU8a(bytes, 256) : bytes;
}

/**
 * Submit `tx` with a signature made elsewhere over `payload` (from `prepareSignerPayload`). The
 * signature is checked first; the transaction is rebuilt with the payload's nonce and era and
 * refused if its signing bytes differ from what was signed (e.g. the account's nonce moved on).
 */
export async function submitWithSignature(
  api: ApiPromise,
  tx: Extrinsic,
  payload: SignerPayloadJSON,
  signature: `0x${string}`,
): Promise<Inclusion> {
  const expected = signedBytes(api, payload);
  if (!signatureVerify(expected, signature, payload.address).isValid) {
    throw new ExternalSignatureError(
      `the signature is not valid for ${payload.address} over this transaction: sign it with that account`,
    );
  }
  const signer = chainSignerFromInjected(payload.address, {
    async signPayload(asked: SignerPayloadJSON) {
      if (u8aToHex(signedBytes(api, asked)) !== u8aToHex(expected)) {
        throw new ExternalSignatureError(
          'the account sent another transaction since this one was signed (its nonce moved on): prepare and sign it again',
        );
      }
      return { id: 1, signature };
    },
  });
  return submitExtrinsic(api, tx, signer, {
    mortality: { era: api.registry.createType('ExtrinsicEra', payload.era), blockHash: payload.blockHash },
  }).catch((err: unknown) => {
    // submitExtrinsic reports signer failures as pool rejections; ours says more as it is.
    throw err instanceof ChainError && err.cause instanceof ExternalSignatureError ? err.cause : err;
  });
}
