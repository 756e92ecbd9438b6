import { describe, expect, it } from 'vitest';
import { networkFromFlags, type NetworkFlags } from '../../../core/cli/network-flags.js';

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
    expect(() => networkFromFlags(flags({ netuid: 'x' }))).toThrow('--netuid must be a subnet number');
    expect(() => networkFromFlags(flags({ netuid: '70000' }))).toThrow('--netuid must be a subnet number');
  });
});
