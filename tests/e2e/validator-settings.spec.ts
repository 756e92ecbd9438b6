import { test, expect, type Page } from '@playwright/test';
import { makeHome, startUi } from './sn2-ui.js';

// The validator's services set through the UI survive a restart of the real `sn2 ui`, the update panel
// says why the web UI has no self-updater, and the Validator page shows the core's metrics.

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

const openPage = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

test('validator services persist across a restart; update status and metrics panel render', async ({
  page,
}) => {
  const home = makeHome();
  let ui = await startUi(home);
  try {
    await page.goto(ui.url);
    await page.getByRole('button', { name: 'Skip setup' }).click();
    await openPage(page, 'Settings');

    await page.getByLabel('Serve the external API').check();
    await page.getByLabel('External API (TCP)').fill('9444');
    await page.getByLabel('Whitelisted public keys').fill(`${ALICE}\n0x${'ab'.repeat(32)}`);
    await page.getByLabel('Serve Prometheus metrics', { exact: true }).check();
    await page.getByLabel('Metrics host').fill('0.0.0.0');
    await expect(page.getByTestId('remote-metrics-warning')).toBeVisible();
    await page.getByLabel('Metrics (TCP)', { exact: true }).fill('9191');
    await page.getByLabel('Publish verified proofs').check();
    await page.getByLabel('Proof storage URL').fill('https://pps.example.org/proof');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    const updates = page.getByTestId('update-panel');
    await expect(updates).toHaveAttribute('data-state', 'unsupported');
    await expect(updates).toContainText('Automatic updates are not available here');
    await expect(updates.getByRole('button')).toHaveCount(0);
    await page.locator('#settings-validator').screenshot({ path: 'docs/screenshots/settings-validator.png' });
    await page.locator('#settings-updates').screenshot({ path: 'docs/screenshots/settings-updates.png' });
  } finally {
    await ui.stop();
  }

  ui = await startUi(home);
  try {
    await page.goto(ui.url);
    await openPage(page, 'Settings');
    await expect(page.getByLabel('Serve the external API')).toBeChecked();
    await expect(page.getByLabel('External API (TCP)')).toHaveValue('9444');
    await expect(page.getByLabel('Whitelisted public keys')).toHaveValue(`${ALICE}\n0x${'ab'.repeat(32)}`);
    await expect(page.getByLabel('Serve Prometheus metrics', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Metrics host')).toHaveValue('0.0.0.0');
    await expect(page.getByLabel('Metrics (TCP)', { exact: true })).toHaveValue('9191');
    await expect(page.getByLabel('Publish verified proofs')).toBeChecked();
    await expect(page.getByLabel('Proof storage URL')).toHaveValue('https://pps.example.org/proof');

    await openPage(page, 'Validator');
    const metrics = page.getByTestId('metrics-panel');
    await expect(metrics).toBeVisible();
    await expect(metrics.getByRole('heading', { name: 'Requests by route and outcome' })).toBeVisible();
    await expect(metrics).toContainText('No miner responses judged since the app started.');
    await expect(metrics.getByRole('heading', { name: 'Verification outcomes per circuit' })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/validator-metrics.png', fullPage: true });
  } finally {
    await ui.stop();
  }
});
