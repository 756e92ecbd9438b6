import { test, expect, type Page } from '@playwright/test';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';

let ui: RunningUi;
test.beforeAll(async () => {
  ui = await startUi(makeHome());
});
test.afterAll(async () => {
  await ui?.stop();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

/**
 * The whole first-run path on the practice network with the real core: network → wallet create (phrase
 * shown once and confirmed) → hardware → Start mining → self-checked proofs in the log, the practice verdict → Stop.
 */
test('onboarding, wallet, hardware, then mining on the practice network', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(ui.url);
  await expect(page.getByRole('heading', { name: 'Set up Subnet 2 Desktop' })).toBeVisible();

  await page.getByRole('radio', { name: /Practice/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
  await page.getByLabel('Coldkey password').fill('correct horse battery staple');
  await page.getByLabel('Repeat password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create wallet' }).click();

  const phrase = page.getByTestId('coldkey-mnemonic');
  await expect(phrase).toBeVisible();
  const words = await phrase.locator('li').allInnerTexts();
  expect(words).toHaveLength(12);
  await page.getByRole('button', { name: 'I have written them down' }).click();
  for (const field of await page.getByLabel(/^Word #\d+$/).all()) {
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).innerText();
    await field.fill(words[Number(label.replace('Word #', '')) - 1]);
  }
  await page.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Hardware', level: 1 })).toBeVisible();
  await expect(page.getByTestId('hardware-verdict')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Continue to mining' }).click();

  await expect(page.getByRole('heading', { name: 'Mining', level: 1 })).toBeVisible();
  const state = page.getByTestId('run-state');
  await page.getByRole('button', { name: 'Start mining' }).click();
  // Fail fast with the core's own message when the miner cannot start.
  const startFailed = page.getByRole('alert').filter({ hasText: 'miner.start failed' });
  await expect(state.filter({ hasText: /^Running$/ }).or(startFailed)).toBeVisible({ timeout: 180_000 });
  await expect(startFailed).toHaveCount(0);
  await expect(state).toHaveText('Running');
  await expect(page.locator('.proof-row[data-status="self-checked"]').first()).toBeVisible({
    timeout: 300_000,
  });

  // The miner's row says what the miner knows; the practice validator's verdict is shown beside it.
  await expect(page.locator('.proof-row[data-status="verified"]')).toHaveCount(0);
  await expect(page.getByTestId('proof-verdict')).toContainText(
    /practice validator's verdict: \d+ of \d+ proofs verified/,
  );
  await page.locator('.proof-row[data-status="self-checked"]').first().click();
  await expect(page.getByRole('dialog', { name: 'Proof details' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Stop mining' }).click();
  await expect(state).toHaveText('Stopped', { timeout: 120_000 });
  await nav(page, 'Logs').click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
});
