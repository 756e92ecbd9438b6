import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { releaseFor, sha256, standinEzklArchive, writeReleaseFile } from '../helpers/ezkl-release-server.js';
import { startFileServer } from '../helpers/file-server.js';
import { makeHome, startUi } from './sn2-ui.js';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

async function openProvingSettings(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Skip setup' }).click();
  await nav(page, 'Settings').click();
  const panel = page.locator('#settings-prover').getByTestId('ezkl-panel');
  await expect(panel).toHaveAttribute('data-state', /installed|missing/);
  return panel;
}

test('with the shipped release table, Settings → Proving says why ezkl cannot be installed', async ({
  page,
}) => {
  const ui = await startUi(makeHome());
  try {
    const panel = await openProvingSettings(page, ui.url);
    await expect(panel).toHaveAttribute('data-state', 'missing');
    await expect(panel).toContainText('ezkl 22.0.1 is not usable here');
    await expect(panel).toContainText('the miner reports capacity 0 for them');
    await expect(panel.getByTestId('ezkl-install-blocked')).toContainText('no pinned checksum');
    await expect(panel.getByRole('button')).toHaveCount(0);

    // The doctor's provers check fails and its fix says the same.
    await nav(page, 'Mining').click();
    const check = page.locator('.checks li').filter({ hasText: 'EZKL circuits cannot be proved' });
    await expect(check).toHaveClass('check-fail', { timeout: 60_000 });
    await expect(check).toContainText('no pinned checksum');
  } finally {
    await ui.stop();
  }
});

test('with a pinned release, "Install ezkl" downloads, checks and installs it, and the doctor agrees', async ({
  page,
}) => {
  const server = await startFileServer();
  const archive = standinEzklArchive('22.0.1');
  server.put('ezkl.tar.gz', archive);
  const release = writeReleaseFile(releaseFor(`${server.base}/ezkl.tar.gz`, sha256(archive)));
  const home = makeHome();
  const ui = await startUi(home, { SN2_EZKL_RELEASE: release });
  try {
    const panel = await openProvingSettings(page, ui.url);
    await expect(panel).toHaveAttribute('data-state', 'missing');
    await panel.getByRole('button', { name: 'Install ezkl 22.0.1' }).click();

    await expect(panel).toHaveAttribute('data-state', 'installed');
    await expect(panel).toContainText(`ezkl 22.0.1 is installed: ${join(home, 'data', 'bin', 'ezkl')}`);
    await expect(panel).toContainText('Installed. EZKL circuits can be proved now');
    await expect(panel.getByRole('button')).toHaveCount(0);
    expect(server.hits.map((h) => h.path)).toEqual(['/ezkl.tar.gz']);

    // The Mining page's checks run the core's doctor: its provers check now passes.
    await nav(page, 'Mining').click();
    await expect(
      page
        .locator('.checks li')
        .filter({ hasText: 'snarkjs (built in) and native ezkl 22.0.1 are available' }),
    ).toHaveClass('check-ok', { timeout: 60_000 });
  } finally {
    await ui.stop();
    await server.close();
  }
});
