import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ProversReport } from '../../../core/contract/index.js';
import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import { electronTransport } from '../transport/electron-transport.js';
import { CoreProvider } from '../state/core-context.js';
import { ProversPanel } from './ProversPanel.js';

afterEach(cleanup);

/** A preload stand-in answering provers.list through the real transport (replies must match the schema). */
function renderWith(reply: (input: unknown) => ProversReport) {
  const inputs: unknown[] = [];
  const api: Sn2PreloadApi = {
    invoke: async (command, input) => {
      if (command !== 'provers.list')
        return { ok: false, error: { code: 'unavailable', message: `${command} not here` } };
      inputs.push(input);
      return { ok: true, result: reply(input) };
    },
    onEvent: () => () => undefined,
  };
  render(
    <CoreProvider transport={electronTransport(api)}>
      <ProversPanel />
    </CoreProvider>,
  );
  return inputs;
}

const practice = { circuitId: 'fdc73f', circuitName: 'Practice Score EMA 8 Circom' };
const unmeasured: ProversReport = {
  provers: [
    { name: 'snarkjs', usable: true, path: null, source: 'built-in' },
    { name: 'rapidsnark', usable: true, path: '/opt/prover', source: 'settings', selfTestMs: 30 },
    { name: 'icicle-snark', usable: false, path: null, source: null, reason: 'no CUDA GPU on this machine' },
    { name: 'ezkl', usable: false, path: null, source: null, reason: 'ezkl 22.0.1 is not installed' },
  ],
  times: [],
  choices: [{ ...practice, prover: 'rapidsnark' }],
};
const measured: ProversReport = {
  ...unmeasured,
  times: [
    { ...practice, prover: 'rapidsnark', ms: 24, chosen: true },
    { ...practice, prover: 'snarkjs', ms: 115, chosen: false },
  ],
};

describe('ProversPanel', () => {
  it('says why a prover is not used and why there are no times yet, then shows the measured choice', async () => {
    const inputs = renderWith((input) => ((input as { measure?: boolean }).measure ? measured : unmeasured));
    expect(await screen.findByText(/no CUDA GPU on this machine/)).toBeTruthy();
    expect(screen.getByText(/your path \(\/opt\/prover\)/)).toBeTruthy();
    expect(screen.getByText(/No proof times yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Measure again' }));
    const table = await screen.findByTestId('prover-times');
    await waitFor(() => expect(table.textContent).toMatch(/rapidsnark24 msyes/));
    expect(table.textContent).toMatch(/snarkjs115 msno/);
    expect(inputs).toEqual([{}, { measure: true }]);
  });
});
