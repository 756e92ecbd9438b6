import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildEngineArgs,
  EngineConfigError,
  type EngineLaunchConfig,
} from '../../../core/engines/run/engine-args.js';
import { parseEngineHelp } from '../../../core/engines/install/probe-binary.js';
import { sharedPath } from '../../helpers/shared.js';

const spec = readFileSync(sharedPath('spec/sn2-2026.md'), 'utf8');
const section = spec.slice(spec.indexOf('### 2.5 `sn2-miner` command line'), spec.indexOf('### 2.6'));
/** The flags of the §2.5 table (first cell of each row), aliases excluded. */
const tableFlags = [...section.matchAll(/^\| `(--[a-z-]+)`/gm)].map((m) => m[1]);
/** "Flags of earlier versions — do not pass". */
const oldFlags = [
  ...section
    .slice(section.indexOf('Flags of earlier versions'), section.indexOf('docs/command_line_arguments.md'))
    .replace(/\([^)]*\)/g, '')
    .matchAll(/`(--[a-z-]+)`/g),
].map((m) => m[1]);

const config: EngineLaunchConfig = {
  network: 'finney',
  netuid: 2,
  walletPath: '/data/engines/wallets',
  walletName: 'miner',
  walletHotkey: 'default',
  port: 8091,
  externalIp: '203.0.113.5',
  circuitCacheDir: '/data/engines/circuit_cache',
  logLevel: 'info',
};
const everyFlag = parseEngineHelp(tableFlags.join('\n'));

describe('engine command line against the CLI table of spec sn2-2026.md §2.5', () => {
  it('the table is read (guards this test)', () => {
    expect(tableFlags).toContain('--no-auto-update');
    expect(tableFlags).toContain('--circuit-cache-dir');
    expect(oldFlags).toContain('--quic-port');
  });

  it('passes only flags of the table, never an old one, and always --no-auto-update', () => {
    const args = buildEngineArgs({ ...config, endpoint: 'ws://127.0.0.1:9944' }, everyFlag);
    const flags = args.filter((a) => a.startsWith('--'));
    for (const f of flags) expect(tableFlags).toContain(f);
    for (const f of oldFlags) expect(flags).not.toContain(f);
    expect(args).toEqual([
      '--no-auto-update',
      '--netuid',
      '2',
      '--network',
      'finney',
      '--subtensor-chain-endpoint',
      'ws://127.0.0.1:9944',
      '--wallet-path',
      '/data/engines/wallets',
      '--wallet-name',
      'miner',
      '--wallet-hotkey',
      'default',
      '--axon-port',
      '8091',
      '--external-ip',
      '203.0.113.5',
      '--circuit-cache-dir',
      '/data/engines/circuit_cache',
      '--log-level',
      'info',
    ]);
  });

  it('maps networks as the engine names them; custom goes by endpoint only', () => {
    expect(buildEngineArgs({ ...config, network: 'test', netuid: 118 }, everyFlag)).toContain('test');
    const custom = buildEngineArgs(
      { ...config, network: 'custom', endpoint: 'wss://node.example:443' },
      everyFlag,
    );
    expect(custom).not.toContain('--network');
    expect(custom).toContain('wss://node.example:443');
    expect(() => buildEngineArgs({ ...config, network: 'custom' }, everyFlag)).toThrow(EngineConfigError);
  });

  it('leaves out optional flags a binary does not list, refuses when a needed one is missing', () => {
    const noCache = parseEngineHelp(tableFlags.filter((f) => f !== '--circuit-cache-dir').join('\n'));
    expect(buildEngineArgs(config, noCache)).not.toContain('--circuit-cache-dir');
    const noUpdateFlag = parseEngineHelp(tableFlags.filter((f) => f !== '--no-auto-update').join('\n'));
    expect(() => buildEngineArgs(config, noUpdateFlag)).toThrow(/does not accept --no-auto-update/);
  });

  it('refuses an IPv6 external IP (the 2026 protocol publishes IPv4 only)', () => {
    expect(() => buildEngineArgs({ ...config, externalIp: '2001:db8::1' }, everyFlag)).toThrow(/IPv4/);
  });
});
