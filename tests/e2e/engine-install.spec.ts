import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSigstore } from '../helpers/engines/test-sigstore.js';
import { startEngineReleaseServer } from '../helpers/engines/engine-release-server.js';
import { standinMiner } from '../helpers/engines/standin-miner.js';
import { makeHome, startUi } from './sn2-ui.js';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

test('Settings → Engine installs the signed sn2-miner with progress, finds an update, applies it and rolls back', async ({
  page,
}) => {
  const sigstore = createTestSigstore();
  const server = await startEngineReleaseServer(sigstore);
  server.publish({ tag: '14.6.0', binary: standinMiner('14.6.0') });
  const trustedRoot = join(mkdtempSync(join(tmpdir(), 'sn2-trust-')), 'trusted_root.json');
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRootJson));
  const home = makeHome();
  const ui = await startUi(home, {
    SN2_ENGINE_RELEASES_API: server.apiBase,
    SN2_SIGSTORE_TRUSTED_ROOT: trustedRoot,
  });
  try {
    await page.goto(ui.url);
    await page.getByRole('button', { name: 'Skip setup' }).click();
    await nav(page, 'Settings').click();
    const panel = page.locator('#settings-engine').getByTestId('engine-panel');
    await expect(panel).toHaveAttribute('data-state', 'missing');
    await expect(panel).toContainText('The official sn2-miner is not installed');

    await panel.getByRole('button', { name: 'Install the newest mainnet sn2-miner' }).click();
    await expect(panel).toHaveAttribute('data-state', 'installed', { timeout: 60_000 });
    await expect(panel).toContainText(
      `sn2-miner 14.6.0 (mainnet release 14.6.0): ${join(home, 'data', 'engines', 'sn2-miner', '14.6.0', 'sn2-miner')}`,
    );

    server.publish({ tag: '14.7.0', binary: standinMiner('14.7.0') });
    await panel.getByRole('button', { name: 'Check for an update' }).click();
    await expect(panel.getByTestId('engine-update')).toContainText(
      'mainnet release 14.7.0 (installed: 14.6.0)',
    );
    await panel.getByRole('button', { name: 'Update now' }).click();
    await expect(panel).toContainText('sn2-miner 14.7.0 (mainnet release 14.7.0)', { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Roll back to 14.6.0' }).click();
    await expect(panel).toContainText('sn2-miner 14.6.0 (mainnet release 14.6.0)');
    await expect(panel.getByRole('button', { name: 'Roll back to 14.7.0' })).toBeVisible();
  } finally {
    await ui.stop();
    await server.close();
  }
});
