import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { fixtureSpecPath } from '../integration/chain/devnet-fixture.js';

export const PASSWORD = 'correct horse battery staple';

export interface DevnetSummary {
  endpoint: string;
  subnet: { netuid: number };
}

/** `sn2 devnet` in its own process: a real subtensor runtime with a fresh subnet (`extra`: more flags). */
export async function startDevnetProcess<S extends DevnetSummary = DevnetSummary>(
  home: string,
  extra: string[] = ['--miners', '0', '--validators', '0'],
): Promise<{ summary: S; child: ChildProcess }> {
  const args = ['bin/sn2.mjs', 'devnet', '--port', '0', '--json', ...extra];
  const child = spawn(process.execPath, [...args, '--tempo', '5', '--spec', fixtureSpecPath()!], {
    env: { ...process.env, SN2_HOME: join(home, 'devnet-home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const summary = await new Promise<S>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sn2 devnet not ready in 240 s:\n${stderr}`)), 240_000);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      try {
        const parsed = JSON.parse(stdout) as S;
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not the whole document yet
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sn2 devnet exited with ${code}:\n${stderr}`));
    });
  });
  return { summary, child };
}

/** Network (custom → the devnet) and a new wallet through the UI, up to the Registration step. */
export async function onboardToRegistration(
  page: Page,
  url: string,
  summary: DevnetSummary,
  beforeConfirm?: () => Promise<void>,
): Promise<void> {
  await page.goto(url);
  await page.getByRole('radio', { name: /Custom endpoint/ }).check();
  await page.getByRole('textbox', { name: 'Endpoint' }).fill(summary.endpoint);
  await page.getByRole('spinbutton', { name: 'Netuid' }).fill(String(summary.subnet.netuid));
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
  await page.getByLabel('Coldkey password').fill(PASSWORD);
  await page.getByLabel('Repeat password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  const phrase = page.getByTestId('coldkey-mnemonic');
  // key derivation (scrypt/argon2) on a busy 2-core machine can take longer than the default 15 s
  await expect(phrase).toBeVisible({ timeout: 90_000 });
  const words = await phrase.locator('li').allInnerTexts();
  await page.getByRole('button', { name: 'I have written them down' }).click();
  for (const field of await page.getByLabel(/^Word #\d+$/).all()) {
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).innerText();
    await field.fill(words[Number(label.replace('Word #', '')) - 1]);
  }
  await beforeConfirm?.();
  await page.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
}
