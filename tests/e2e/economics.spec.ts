import type { ChildProcess } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '../../core/chain/signed-extensions.js';
import { fixtureSpecPath } from '../integration/chain/devnet-fixture.js';
import { makeHome, startUi, type RunningUi } from './sn2-ui.js';
import { onboardToRegistration, startDevnetProcess, type DevnetSummary } from './devnet-onboarding.js';

const specPath = fixtureSpecPath();

/**
 * "Should I mine here?" in the registration step of the web UI, against `sn2 devnet` (a subnet with two
 * miners and a validator) and the real core: the card's numbers are the chain's; a refused read says why.
 */
test.describe('Should I mine here? in the registration step', () => {
  test.skip(!specPath, 'subtensor fixture not found (set SUBTENSOR_SPEC)');
  test.describe.configure({ timeout: 420_000 });

  let devnet: ChildProcess;
  let summary: DevnetSummary;
  let api: ApiPromise;
  let ui: RunningUi | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    ({ summary, child: devnet } = await startDevnetProcess(makeHome(), [
      '--miners',
      '2',
      '--validators',
      '1',
    ]));
    api = await ApiPromise.create({
      provider: new WsProvider(summary.endpoint),
      noInitWarn: true,
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
    });
  });

  test.afterEach(async () => {
    await ui?.stop();
    ui = undefined;
  });

  test.afterAll(async () => {
    await api?.disconnect();
    devnet?.kill('SIGTERM');
  });

  test('shows the devnet’s burn, immunity and miners before the Register button', async ({ page }) => {
    ui = await startUi(makeHome());
    await onboardToRegistration(page, ui.url, summary);
    const card = page.getByTestId('should-i-mine');
    await expect(card.getByRole('heading', { name: 'Should I mine here?' })).toBeVisible();

    const q = api.query.subtensorModule;
    const netuid = summary.subnet.netuid;
    const [burn, immunity, permits, incentives] = await Promise.all([
      q.burn(netuid),
      q.immunityPeriod(netuid),
      q.validatorPermit(netuid),
      q.incentive(netuid),
    ]);
    const permit = permits.toJSON() as boolean[];
    const incentive = incentives.toJSON() as number[];
    const miners = permit.filter((p, uid) => !p || incentive[uid] > 0).length;
    const burnTao = Number(burn.toString()) / 1e9;

    await expect(card.getByTestId('econ-burn')).toContainText(`τ ${burnTao} now`);
    await expect(card.getByTestId('econ-immunity')).toContainText(`${immunity.toString()} blocks`);
    await expect(card).toContainText(`${miners} miners, 0 earning, ${miners} at zero`);
    await expect(card.getByTestId('econ-payback')).toContainText('p50 never at today’s rates');
    // The same answer as the protocol guard below it: this devnet's miners serve no 2026 axons.
    await expect(card.getByTestId('econ-protocol')).toContainText(
      'v10 protocol: This computer can mine the v10 protocol.',
    );
    await expect(card).toContainText(`Burn(${netuid}) at block`);
    // the card comes first; the user can still register
    const register = page.getByRole('button', { name: 'Register' });
    await expect(register).toBeVisible();
    expect((await card.boundingBox())!.y).toBeLessThan((await register.boundingBox())!.y);
    await page.setViewportSize({ width: 1280, height: 1400 }); // the whole card in the shot
    await card.screenshot({ path: 'docs/screenshots/should-i-mine.png' });
  });

  test('a refused read shows why instead of zeros', async ({ page }) => {
    ui = await startUi(makeHome());
    await onboardToRegistration(page, ui.url, { ...summary, subnet: { netuid: 99 } });
    const card = page.getByTestId('should-i-mine');
    await expect(card.getByRole('alert')).toContainText(
      'economics.report failed: subnet 99 does not exist on this chain',
    );
    await expect(card.getByTestId('econ-distribution')).toHaveCount(0);
  });
});
