import { test, expect, type Page } from '@playwright/test';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';

// Screenshots of every page for docs/screenshots (shown in the README), taken against the real core.
let ui: RunningUi;
test.beforeAll(async () => {
  ui = await startUi(makeHome());
});
test.afterAll(async () => {
  await ui?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
const open = async (page: Page, name: string) => {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
};

test('every page, light theme', async ({ page }) => {
  await page.goto(ui.url);
  await expect(page.getByRole('heading', { name: 'Set up Subnet 2 Desktop' })).toBeVisible();
  await shot(page, 'setup');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
  await shot(page, 'setup-wallet');
  for (const [name, file] of [
    ['Hardware', 'hardware'],
    ['Mining', 'mining'],
    ['Validator', 'validator'],
    ['Settings', 'settings'],
    ['Logs', 'logs'],
  ] as const) {
    await open(page, name);
    await shot(page, file);
  }
});

test.describe('dark theme and a small window', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 640, height: 900 } });
  test('mining page', async ({ page }) => {
    await page.goto(ui.url);
    await open(page, 'Mining');
    await shot(page, 'mining-dark-narrow');
  });
});
