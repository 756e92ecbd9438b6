import type { Keypair } from '../bittensor/keys/keypair.js';
import {
  KeyfileNotFoundError,
  PasswordRequiredError,
  loadHotkey,
  type WalletRef,
} from '../bittensor/wallet/index.js';
import { UserError } from '../util/errors.js';

/** The signing hotkey for `sn2 mine` / `sn2 query`, with what to do when it cannot be loaded. */
export async function loadCliHotkey(ref: WalletRef): Promise<Keypair> {
  try {
    return await loadHotkey(ref);
  } catch (err) {
    if (err instanceof KeyfileNotFoundError)
      throw new UserError(
        `${err.message}: create it with "sn2 wallet create" (or "sn2 wallet regen hotkey" from its mnemonic), or name another with --wallet.name / --wallet.hotkey`,
      );
    if (err instanceof PasswordRequiredError)
      throw new UserError(
        `${err.message}, and sn2 signs with unencrypted hotkeys only (as btcli creates them): regenerate it with "sn2 wallet regen hotkey"`,
      );
    throw err;
  }
}
