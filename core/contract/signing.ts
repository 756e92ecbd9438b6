import { z } from 'zod';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'must be 0x-prefixed hex');
/** An ss58 address (shape only; the core decodes it against the chain's format). */
export const Ss58AddressSchema = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{46,48}$/, 'is not an ss58 address');

/**
 * polkadot-js `SignerPayloadJSON`: what a browser extension's `signPayload` takes. Chains with their
 * own signed extensions add fields, kept as they are.
 */
export const SignerPayloadSchema = z
  .object({
    address: Ss58AddressSchema,
    blockHash: hex,
    blockNumber: hex,
    era: hex,
    genesisHash: hex,
    method: hex,
    nonce: hex,
    signedExtensions: z.array(z.string()),
    specVersion: hex,
    tip: hex,
    transactionVersion: hex,
    version: z.number().int(),
  })
  .catchall(z.unknown());
export type SignerPayload = z.infer<typeof SignerPayloadSchema>;

/** A MultiSignature as extensions return it: the type byte (0x01 sr25519) and 64 signature bytes. */
export const MultiSignatureSchema = z.string().regex(/^0x0[0-2][0-9a-fA-F]{128,130}$/, 'is not a signature');

export const RegistrationResultSchema = z.object({
  uid: z.number().int(),
  block: z.number().int(),
  burnedRao: z.string(),
  feeRao: z.string().optional(),
});
