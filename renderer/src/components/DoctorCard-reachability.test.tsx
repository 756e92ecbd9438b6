import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { CoreProvider } from '../state/core-context.js';
import { fakeCore } from '../testing/fake-core.js';
import { DoctorCard } from './DoctorCard.js';

afterEach(cleanup);

describe('DoctorCard: the 2026 reachability checks', () => {
  it('names them and shows each explanation and what to try', async () => {
    const checks = [
      {
        id: 'public-ipv4',
        ok: false,
        message: 'this computer has the address 100.72.3.4 (carrier-grade NAT…)',
        fix: 'ask your provider for a public IPv4 address',
      },
      {
        id: 'quic-local',
        ok: true,
        message: 'the miner answers btlightning on UDP port 8091 (hotkey 5Ccy…)',
      },
      {
        id: 'quic-external',
        ok: false,
        skipped: true,
        message: 'no answer through the public address 8.8.4.4:8091 (timeout)',
        fix: 'forward UDP port 8091 on your router',
      },
    ];
    const core = fakeCore({ 'doctor.run': () => ({ checks }) });
    render(
      <CoreProvider transport={core.transport}>
        <DoctorCard />
      </CoreProvider>,
    );
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '✗Failed: Public IPv4: this computer has the address 100.72.3.4 (carrier-grade NAT…)Try: ask your provider for a public IPv4 address',
      '✓Passed: QUIC port on this computer: the miner answers btlightning on UDP port 8091 (hotkey 5Ccy…)',
      '– Reachable from the Internet: not checked, no answer through the public address 8.8.4.4:8091 (timeout)Try: forward UDP port 8091 on your router',
    ]);
  });
});
