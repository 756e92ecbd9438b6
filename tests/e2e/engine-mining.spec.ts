import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevnetProcess, type DevnetSummary } from './devnet-onboarding.js';
import { useCustomEngine } from '../../core/engines/install/manage.js';
import { freeUdpPort, standinBinary } from '../helpers/engine-standin.js';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';

interface MinersSummary extends DevnetSummary {
  subnet: { netuid: number; miners: Array<{ uri: string }> };
}

/** `sn2 devnet` with a subnet and two dev miners. */
const startDevnet = (home: string) =>
  startDevnetProcess<MinersSummary>(home, ['--miners', '2', '--validators', '1']);

/** The dev miners publish their axons as the Rust sn2-miner does: serve_axon with version 0 (spec sn2-2026.md §1). */
async function serveLikeSn2Miner(summary: MinersSummary): Promise<void> {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(summary.endpoint), noInitWarn: true });
  try {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const [i, m] of summary.subnet.miners.entries()) {
      const ip = 203 * 2 ** 24 + 113 * 2 ** 8 + 10 + i; // 203.0.113.(10+i)
      const tx = api.tx.subtensorModule.serveAxon(summary.subnet.netuid, 0, ip, 8091, 4, 4, 0, 0);
      await new Promise<void>((resolve, reject) => {
        void tx
          .signAndSend(keyring.addFromUri(m.uri), ({ status, dispatchError }) => {
            if (dispatchError) reject(new Error(dispatchError.toString()));
            else if (status.isInBlock) resolve();
          })
          .catch(reject);
      });
    }
  } finally {
    await api.disconnect();
  }
}

let devnet: ChildProcess | undefined;
let ui: RunningUi | undefined;
test.afterAll(async () => {
  await ui?.stop();
  devnet?.kill('SIGTERM');
});

/**
 * A computer with the (stand-in) sn2-miner picks Mainnet, whose chain here is a local devnet where the
 * miners' axons say 2026: the Mining page shows the 2026 protocol read from the chain, Start mining runs
 * the engine supervised, and its proofs appear in the live proof log.
 */
test('Mainnet speaks 2026: the engine mines and its proofs show in the live log', async ({ page }) => {
  test.setTimeout(600_000);
  const home = makeHome();
  const started = await startDevnet(home);
  devnet = started.child;
  const { summary } = started;
  await serveLikeSn2Miner(summary);

  const wallet = join(home, 'wallets', 'miner', 'hotkeys');
  mkdirSync(wallet, { recursive: true });
  writeFileSync(
    join(wallet, 'default'),
    JSON.stringify({
      secretPhrase: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
      ss58Address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    }),
    { mode: 0o600 },
  );
  const engine = standinBinary(home, 'sn2-miner', {
    STANDIN_REQUESTS: '5',
    STANDIN_REQUEST_INTERVAL_MS: '300',
  });
  const data = join(home, 'data');
  mkdirSync(data, { recursive: true, mode: 0o700 });
  // "Mainnet" is this devnet here: the endpoint and netuid stand in for finney's.
  writeFileSync(
    join(data, 'settings.json'),
    JSON.stringify({
      version: 1,
      chainEndpoint: summary.endpoint,
      netuid: summary.subnet.netuid,
      wallet: { name: 'miner', hotkey: 'default' },
      axon: { port: await freeUdpPort(), externalIp: '203.0.113.5' },
    }),
  );
  await useCustomEngine(data, engine); // what "sn2 engine use" does
  ui = await startUi(home);

  await page.goto(ui.url);
  await page.getByRole('radio', { name: /Mainnet/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip setup' }).click();

  await expect(page.getByRole('heading', { name: 'Mining', level: 1 })).toBeVisible();
  await expect(page.getByTestId('protocol-name')).toHaveText('2026', { timeout: 60_000 });
  await expect(page.getByTestId('protocol')).toContainText('read from the chain');
  await page.getByTestId('protocol').getByText('Evidence', { exact: true }).click();
  await expect(page.getByTestId('protocol')).toContainText('2 of 2 served miners have axon version 0');

  const state = page.getByTestId('run-state');
  await page.getByRole('button', { name: 'Start mining' }).click();
  const startFailed = page.getByRole('alert').filter({ hasText: 'miner.start failed' });
  await expect(state.filter({ hasText: /^Running$/ }).or(startFailed)).toBeVisible({ timeout: 120_000 });
  await expect(startFailed).toHaveCount(0);
  await expect(page.locator('.proof-row[data-status="proved"]')).toHaveCount(5, { timeout: 60_000 });
  await expect(page.locator('.proof-row[data-status="proved"]').first()).toContainText('Example Model v2');

  await page.getByRole('button', { name: 'Stop mining' }).click();
  await expect(state).toHaveText('Stopped', { timeout: 60_000 });
});
