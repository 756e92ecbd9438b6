import { test, expect } from '@playwright/test';
import { makeHome, startUi } from './sn2-ui.js';

test('settings saved in the UI survive a restart of sn2 ui', async ({ page }) => {
  const home = makeHome();
  let ui = await startUi(home);
  try {
    await page.goto(ui.url);
    await page.getByRole('button', { name: 'Skip setup' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Port').fill('9123');
    await page.getByLabel('Update channel').selectOption('beta');
    await page.getByLabel('Mine only while the computer is idle').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    // A value the core refuses is reported with the field it names, and nothing is saved.
    await page.getByLabel('Chain endpoint').fill('http://not-a-websocket.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('chainEndpoint');
    // …and the field itself is marked, says why, and has the focus.
    const endpoint = page.getByLabel('Chain endpoint');
    await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    await expect(endpoint).toHaveAccessibleDescription('must be a ws:// or wss:// URL');
    await expect(endpoint).toBeFocused();
  } finally {
    await ui.stop();
  }

  ui = await startUi(home);
  try {
    await page.goto(ui.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel('Port')).toHaveValue('9123');
    await expect(page.getByLabel('Update channel')).toHaveValue('beta');
    await expect(page.getByLabel('Mine only while the computer is idle')).toBeChecked();
  } finally {
    await ui.stop();
  }
});
