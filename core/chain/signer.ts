import type { Signer as PolkadotSigner, SignerResult } from '@polkadot/api/types';
import type { Registry, SignerPayloadJSON, SignerPayloadRaw } from '@polkadot/types/types';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import type { Sr25519Signer } from '../bittensor/signer.js';

/** What the chain client signs with: an address and a polkadot-js signer for it. */
export interface ChainSigner {
  readonly address: string;
  readonly signer: PolkadotSigner;
}

/** MultiSignature variant byte for sr25519. */
const SR25519 = new Uint8Array([1]);

/**
 * Adapt a local sr25519 key (a hotkey, an unlocked coldkey, a dev keyring pair) to polkadot-js.
 * Payloads longer than 256 bytes are signed as their blake2-256 hash, as Substrate verifies them.
 */
export function chainSignerFromKey(key: Sr25519Signer, registry: Registry): ChainSigner {
  let id = 0;
  const sign = (message: Uint8Array): SignerResult => ({
    id: ++id,
    signature: u8aToHex(u8aConcat(SR25519, key.sign(message))),
  });
  return {
    address: key.address,
    signer: {
      async signPayload(payload: SignerPayloadJSON) {
        if (payload.address !== key.address)
          throw new Error(`asked to sign for ${payload.address}, holding ${key.address}`);
        const bytes = registry
          .createType('ExtrinsicPayload', payload, { version: payload.version })
          .toU8a({ method: true });
        return sign(bytes.length > 256 ? blake2AsU8a(bytes, 256) : bytes);
      },
      async signRaw(raw: SignerPayloadRaw) {
        if (raw.address !== key.address)
          throw new Error(`asked to sign for ${raw.address}, holding ${key.address}`);
        // Same framing as the polkadot{.js} extension, so signatures verify the same way.
        return sign(u8aWrapBytes(hexToU8a(raw.data)));
      },
    },
  };
}

/** An account injected by a browser extension (@polkadot/extension-dapp `web3FromAddress(...).signer`). */
export function chainSignerFromInjected(address: string, signer: PolkadotSigner): ChainSigner {
  return { address, signer };
}
