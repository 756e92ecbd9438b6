import { describe, expect, it } from 'vitest';
import { networkFromFlags, walletFromFlags, type NetworkFlags } from '../../../core/cli/network-flags.js';

const flags = (over: Partial<NetworkFlags>): NetworkFlags => ({
  'subtensor.network': 'finney',
  'wallet.name': 'default',
  'wallet.hotkey': 'default',
  ...over,
});

describe('networkFromFlags', () => {
  it('defaults the netuid per network (2 on finney, 118 on test)', () => {
    expect(networkFromFlags(flags({}))).toEqual({ network: 'finney', netuid: 2 });
    expect(networkFromFlags(flags({ 'subtensor.network': 'test' }))).toEqual({
      network: 'test',
      netuid: 118,
    });
  });

  it('takes a ws:// URL as a custom network, and --subtensor.chain_endpoint as an override', () => {
    expect(networkFromFlags(flags({ 'subtensor.network': 'ws://127.0.0.1:9944', netuid: '7' }))).toEqual({
      network: 'custom',
      chainEndpoint: 'ws://127.0.0.1:9944',
      netuid: 7,
    });
    expect(
      networkFromFlags(
        flags({ 'subtensor.network': 'test', 'subtensor.chain_endpoint': 'wss://node.example:443' }),
      ),
    ).toMatchObject({ network: 'test', chainEndpoint: 'wss://node.example:443' });
  });

  it('refuses a bad network, practice, or a bad netuid with a one-line message', () => {
    expect(() => networkFromFlags(flags({ 'subtensor.network': 'moon' }))).toThrow(
      /must be finney, test, local/,
    );
    expect(() => networkFromFlags(flags({ 'subtensor.network': 'practice' }))).toThrow(/sn2 practice/);
    for (const netuid of ['x', '70000', '-1', '1.5', ''])
      expect(() => networkFromFlags(flags({ netuid }))).toThrow(
        `--netuid must be a subnet number from 0 to 65535, got "${netuid}"`,
      );
    expect(() => networkFromFlags(flags({ 'subtensor.chain_endpoint': 'http://x' }))).toThrow(
      '--subtensor.chain_endpoint must be a ws:// or wss:// URL',
    );
  });

  it('falls back to $BT_SUBTENSOR_NETWORK, then finney, when --subtensor.network is not given', () => {
    expect(networkFromFlags({}, { BT_SUBTENSOR_NETWORK: 'test' })).toEqual({ network: 'test', netuid: 118 });
    expect(networkFromFlags({}, {})).toEqual({ network: 'finney', netuid: 2 });
    expect(networkFromFlags({ 'subtensor.network': 'local' }, { BT_SUBTENSOR_NETWORK: 'test' }).network).toBe(
      'local',
    );
  });
});

describe('walletFromFlags', () => {
  it('checks the names (no "../") and keeps the path only when given', () => {
    expect(walletFromFlags({ 'wallet.name': 'w', 'wallet.hotkey': 'h' })).toEqual({ name: 'w', hotkey: 'h' });
    expect(walletFromFlags({ 'wallet.name': 'w', 'wallet.hotkey': 'h', 'wallet.path': '/x' }).path).toBe(
      '/x',
    );
    expect(() => walletFromFlags({ 'wallet.name': '../etc' })).toThrow(/invalid wallet name/);
    expect(() => walletFromFlags({ 'wallet.name': 'w', 'wallet.hotkey': 'a/b' })).toThrow(
      /invalid hotkey name/,
    );
  });
});
