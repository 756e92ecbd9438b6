import { test, expect } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';

let ui: RunningUi;
test.beforeAll(async () => {
  ui = await startUi(makeHome());
});
test.afterAll(async () => {
  await ui?.stop();
});

test('a page opened with a wrong token or none is refused', async ({ page }) => {
  await page.goto(`${ui.origin}/#token=${'0'.repeat(64)}`);
  await expect(page.getByRole('heading', { name: 'Not authorised' })).toBeVisible();
  await page.context().clearCookies();
  const fresh = await page.context().newPage();
  await fresh.goto(`${ui.origin}/`);
  await expect(fresh.getByRole('heading', { name: 'Not authorised' })).toBeVisible();
});

test('the bridge answers 401 without the right token, and serves the command with it', async ({
  request,
}) => {
  const call = (token?: string) =>
    request.post(`${ui.origin}/api/invoke`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      data: { command: 'app.info', input: {} },
    });
  expect((await call()).status()).toBe(401);
  expect((await call('wrong')).status()).toBe(401);
  const ok = await call(ui.token);
  expect(ok.status()).toBe(200);
  expect((await ok.json()).ok).toBe(true);
});

test('the event socket refuses a wrong token and accepts the right one', async ({ page }) => {
  await page.goto(ui.url);
  const outcome = (token: string) =>
    page.evaluate(
      (t) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/events`, [
            'sn2.events.v1',
            `sn2.token.${t}`,
          ]);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        }),
      token,
    );
  expect(await outcome('f'.repeat(64))).toBe('refused');
  expect(await outcome(ui.token)).toBe('open');
});

test('a request naming another host (DNS rebinding) is refused', async () => {
  const { port } = new URL(ui.origin);
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: Number(port), path: '/', headers: { Host: `evil.example:${port}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(421);
});
