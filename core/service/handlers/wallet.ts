import { randomUUID } from 'node:crypto';
import type { AreaFactory } from './types.js';
import type { ServiceContext } from '../service-context.js';
import {
  createWallet,
  listWallets,
  regenColdkey,
  regenHotkey,
  type KdfProgress,
} from '../../bittensor/wallet/index.js';
import { UserError } from '../../util/errors.js';

/**
 * wallet.* commands over the btcli wallet folder from settings. Mnemonics are returned once by
 * `wallet.create` and never logged; passwords live only for the duration of the call.
 */
export const walletHandlers: AreaFactory = (ctx) => {
  const walletPath = () => ctx.settings.get().wallet.path;
  return {
    handlers: {
      'wallet.list': () => listWallets({ path: walletPath() }),
      'wallet.create': async ({ name, hotkey, password, words }) => {
        const onProgress = kdfProgress(ctx, `Encrypting the coldkey of wallet "${name}"`);
        const created = await createWallet({
          path: walletPath(),
          name,
          hotkey,
          password,
          words,
          onProgress,
        }).catch((err: unknown) => {
          onProgress.fail(err);
          throw err;
        });
        ctx.logger.info({ wallet: name, coldkey: created.coldkey.keypair.address }, 'wallet created');
        const result = {
          coldkeyAddress: created.coldkey.keypair.address,
          hotkeyAddress: created.hotkey.keypair.address,
          coldkeyMnemonic: created.coldkey.mnemonic,
          hotkeyMnemonic: created.hotkey.mnemonic,
        };
        created.coldkey.keypair.wipe();
        created.hotkey.keypair.wipe();
        return result;
      },
      'wallet.import': async ({ name, hotkey, key, mnemonic, password }) => {
        const ref = { path: walletPath(), name, hotkey, secret: { mnemonic } };
        let address: string;
        if (key === 'coldkey') {
          if (password === undefined)
            throw new UserError('importing a coldkey needs a password to encrypt it with');
          const onProgress = kdfProgress(ctx, `Encrypting the coldkey of wallet "${name}"`);
          const kp = await regenColdkey({ ...ref, password, onProgress }).catch((err: unknown) => {
            onProgress.fail(err);
            throw err;
          });
          address = kp.address;
          kp.wipe();
        } else {
          const kp = await regenHotkey({ ...ref, password });
          address = kp.address;
          kp.wipe();
        }
        ctx.logger.info({ wallet: name, key, address }, 'key imported');
        return { address };
      },
    },
  };
};

/** Key-derivation progress as `progress` events (steps are per-mille of the estimated time). */
function kdfProgress(ctx: ServiceContext, label: string) {
  const taskId = `wallet-kdf-${randomUUID()}`;
  const onProgress = (p: KdfProgress) =>
    ctx.emit({
      type: 'progress',
      taskId,
      label,
      done: Math.round(p.fraction * 1000),
      total: 1000,
      unit: 'steps',
      finished: p.fraction === 1,
    });
  onProgress.fail = (err: unknown) =>
    ctx.emit({
      type: 'progress',
      taskId,
      label,
      done: 0,
      total: 1000,
      unit: 'steps',
      finished: true,
      error: err instanceof Error ? err.message : String(err),
    });
  return onProgress;
}
