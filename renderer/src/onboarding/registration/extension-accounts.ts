import type { SignerPayloadJSON } from '@polkadot/types/types';
import type { SignerPayload } from '../../../../core/contract/index.js';

/** An account a browser wallet extension (polkadot{.js}, Talisman, SubWallet…) shares with this page. */
export interface ExtensionAccount {
  address: string;
  name?: string;
  /** The extension it comes from. */
  source: string;
}

/** The extension is missing, shares nothing, or refused. The message says what to do. */
export class ExtensionError extends Error {
  override readonly name = 'ExtensionError';
}

const APP_NAME = 'Subnet 2 Desktop';
/** Bittensor addresses use the generic substrate prefix. */
const SS58_FORMAT = 42;

// Loaded on demand: only the web UI offers extensions, and only when the user asks.
const dapp = () => import('@polkadot/extension-dapp');

/** Asks every injected extension for access, then lists the accounts they share. */
export async function connectExtensions(): Promise<ExtensionAccount[]> {
  const { web3Enable, web3Accounts } = await dapp();
  const extensions = await web3Enable(APP_NAME);
  if (extensions.length === 0) {
    throw new ExtensionError(
      'No wallet extension answered. Install polkadot{.js}, Talisman or SubWallet, allow this page in it, then try again.',
    );
  }
  const accounts = await web3Accounts({ ss58Format: SS58_FORMAT });
  if (accounts.length === 0) {
    throw new ExtensionError(
      `${extensions.map((e) => e.name).join(', ')} shares no accounts with this page: add or allow one in the extension.`,
    );
  }
  return accounts.map((a) => ({ address: a.address, name: a.meta.name, source: a.meta.source }));
}

/** Has the account's extension sign a transaction payload prepared by the core; returns the signature. */
export async function signWithExtension(address: string, payload: SignerPayload): Promise<string> {
  const { web3FromAddress } = await dapp();
  const injected = await web3FromAddress(address);
  if (!injected.signer.signPayload)
    throw new ExtensionError(`${injected.name} cannot sign transactions for this page`);
  // The payload's shape was checked against the contract's SignerPayloadSchema when it arrived.
  const { signature } = await injected.signer.signPayload(payload as unknown as SignerPayloadJSON);
  return signature;
}
