import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { SignerPayloadJSON } from '@polkadot/types/types';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '../../core/chain/signed-extensions.js';
import { readColdkeyPub } from '../../core/bittensor/wallet/index.js';
import { fixtureSpecPath } from '../integration/chain/devnet-fixture.js';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';
import {
  PASSWORD,
  onboardToRegistration,
  startDevnetProcess,
  type DevnetSummary,
} from './devnet-onboarding.js';

const specPath = fixtureSpecPath();

/**
 * Registration in the web UI against the real core and a devnet (one for the file), paid by a
 * browser-extension account or by the wallet's own coldkey. Chromium here has no extensions: the page gets a stand-in `window.injectedWeb3` (the one mock) whose
 * signPayload is answered by this test process signing with //Bob, as polkadot{.js} would.
 */
test.describe('registration in the web UI', () => {
  test.skip(!specPath, 'subtensor fixture not found (set SUBTENSOR_SPEC)');
  test.describe.configure({ timeout: 420_000 });

  let ui: RunningUi;
  let devnet: ChildProcess;
  let summary: DevnetSummary;
  let api: ApiPromise;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const home = makeHome();
    ({ summary, child: devnet } = await startDevnetProcess(home));
    api = await ApiPromise.create({
      provider: new WsProvider(summary.endpoint),
      noInitWarn: true,
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
    });
    ui = await startUi(home);
  });

  test.afterAll(async () => {
    await ui?.stop();
    await api?.disconnect();
    devnet?.kill('SIGTERM');
  });

  test('connect the extension, confirm the live burn, sign, and get a uid', async ({ page }) => {
    await cryptoWaitReady();
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
    const signed: SignerPayloadJSON[] = [];
    await page.exposeFunction('__sn2TestSignPayload', (payload: SignerPayloadJSON) => {
      if (payload.address !== bob.address) throw new Error(`asked to sign for ${payload.address}`);
      signed.push(payload);
      return api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(bob)
        .signature;
    });
    await page.addInitScript((address: string) => {
      const w = window as unknown as {
        injectedWeb3: Record<string, unknown>;
        __sn2TestSignPayload: (p: unknown) => Promise<string>;
      };
      const account = { address, name: 'Dev Bob', type: 'sr25519' };
      w.injectedWeb3 = {
        'polkadot-js': {
          version: 'test',
          enable: async () => ({
            accounts: {
              get: async () => [account],
              subscribe: (cb: (a: unknown[]) => void) => {
                cb([account]);
                return () => undefined;
              },
            },
            signer: {
              signPayload: async (payload: unknown) => ({
                id: 1,
                signature: await w.__sn2TestSignPayload(payload),
              }),
            },
          }),
        },
      };
    }, bob.address);

    await onboardToRegistration(page, ui.url, summary);
    await page.getByRole('tab', { name: 'Browser extension' }).click();
    await page.getByRole('button', { name: 'Connect extension' }).click();
    await expect(page.getByLabel('Account that pays')).toContainText('Dev Bob');

    const burnRao = BigInt((await api.query.subtensorModule.burn(summary.subnet.netuid)).toString());
    await expect(page.getByTestId('burn-cost')).toContainText(String(Number(burnRao) / 1e9));
    await expect(page.getByTestId('payer-balance')).toContainText('Dev Bob');
    const hotkey = (await page.getByTestId('register-hotkey').innerText()).trim();
    const submit = page.getByRole('button', { name: 'Sign in the extension and register' });
    await expect(submit).toBeDisabled();
    await page.getByLabel(/is burned and not refunded/).check();
    await page.screenshot({ path: 'docs/screenshots/registration-extension.png' });
    await submit.click();

    const done = page.getByRole('status').filter({ hasText: /Registered with uid \d+/ });
    await expect(done.or(page.getByRole('alert'))).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    const uid = Number(/uid (\d+)/.exec(await done.innerText())![1]);
    expect(signed).toHaveLength(1);
    expect(signed[0].method).toBe(
      api.tx.subtensorModule.burnedRegister(summary.subnet.netuid, hotkey).method.toHex(),
    );

    const onChain = await api.query.subtensorModule.uids(summary.subnet.netuid, hotkey);
    expect(onChain.toJSON()).toBe(uid);
    expect((await api.query.subtensorModule.owner(hotkey)).toString()).toBe(bob.address);
  });

  test('pay with the wallet coldkey: balance shown, wrong password refused plainly, then a uid', async ({
    page,
  }) => {
    const home = makeHome();
    const local = await startUi(home);
    try {
      const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
      const alice = keyring.addFromUri('//Alice');
      let coldkey = '';
      await onboardToRegistration(page, local.url, summary, async () => {
        // The wallet exists once its phrase is shown: fund its coldkey before the cost is read.
        coldkey = (await readColdkeyPub({ path: join(home, 'wallets'), name: 'default' })).address;
        await new Promise<void>((resolve, reject) => {
          void api.tx.balances
            .transferKeepAlive(coldkey, 10_000_000_000n)
            .signAndSend(alice, ({ status, dispatchError }) => {
              if (dispatchError) reject(new Error(dispatchError.toString()));
              else if (status.isInBlock) resolve();
            })
            .catch(reject);
        });
      });
      await expect(page.getByRole('tab', { name: 'Wallet coldkey' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(page.getByTestId('payer-balance')).toContainText('τ 10');
      const hotkey = (await page.getByTestId('register-hotkey').innerText()).trim();
      const agree = page.getByLabel(/is burned and not refunded/);
      const register = page.getByRole('button', { name: 'Register', exact: true });

      await page.getByLabel('Coldkey password').fill('not the password');
      await agree.check();
      await register.click();
      await expect(page.getByRole('alert')).toContainText('chain.register failed: wrong password');
      // Nothing was sent, and the confirmation is asked for again.
      await expect(agree).not.toBeChecked();
      expect((await api.query.subtensorModule.uids(summary.subnet.netuid, hotkey)).toJSON()).toBeNull();

      await page.getByLabel('Coldkey password').fill(PASSWORD);
      await agree.check();
      await register.click();
      const done = page.getByRole('status').filter({ hasText: /Registered with uid \d+/ });
      await expect(done).toBeVisible({ timeout: 60_000 });
      const uid = Number(/uid (\d+)/.exec(await done.innerText())![1]);
      expect((await api.query.subtensorModule.uids(summary.subnet.netuid, hotkey)).toJSON()).toBe(uid);
      expect((await api.query.subtensorModule.owner(hotkey)).toString()).toBe(coldkey);
    } finally {
      await local.stop();
    }
  });
});
