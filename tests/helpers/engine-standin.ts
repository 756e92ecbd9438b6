import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { EngineLaunchConfig } from '../../core/engines/run/engine-args.js';
import type { EngineBinary } from '../../core/engines/run/locate-engine.js';
import { sha256File } from '../../core/util/sha256-file.js';

export const STANDIN = resolve('tests/helpers/sn2-miner-standin.mjs');
export const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/** A throwaway folder with a btcli wallet whose hotkey file is unencrypted (as the engine needs). */
export function engineHome(): { dir: string; walletPath: string; hotkeyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sn2-engine-'));
  const walletPath = join(dir, 'wallets');
  mkdirSync(join(walletPath, 'miner', 'hotkeys'), { recursive: true });
  const hotkeyFile = join(walletPath, 'miner', 'hotkeys', 'default');
  writeFileSync(
    hotkeyFile,
    JSON.stringify({
      secretPhrase: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
      ss58Address: ALICE,
    }),
    { mode: 0o600 },
  );
  writeFileSync(join(walletPath, 'miner', 'coldkeypub.txt'), JSON.stringify({ ss58Address: ALICE }));
  return { dir, walletPath, hotkeyFile };
}

/**
 * An executable that runs the stand-in with fixed STANDIN_* settings (how a test gets "a binary that
 * crashes" or "version 14.7.0"): a real file the supervisor spawns without a shell.
 */
export function standinBinary(dir: string, name: string, env: Record<string, string> = {}): string {
  const path = join(dir, name);
  writeFileSync(path, standinScript(env));
  chmodSync(path, 0o755);
  return path;
}

/** The executable text: a POSIX sh script that runs the one spec-written stand-in with `env` fixed. */
export function standinScript(env: Record<string, string> = {}): string {
  const exports = Object.entries(env)
    .map(([k, v]) => `export ${k}='${v}'\n`)
    .join('');
  return `#!/bin/sh\n${exports}exec "${process.execPath}" "${STANDIN}" "$@"\n`;
}

/** A UDP port nobody holds right now. */
export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export function launchConfig(home: { dir: string; walletPath: string }, port: number): EngineLaunchConfig {
  return {
    network: 'finney',
    netuid: 2,
    walletPath: home.walletPath,
    walletName: 'miner',
    walletHotkey: 'default',
    port,
    externalIp: '203.0.113.5',
    circuitCacheDir: join(home.dir, 'circuit_cache'),
    logLevel: 'info',
  };
}

/** A hand-installed engine as locateEngine returns it after "sn2 engine use" (hash pinned now). */
export async function handInstalled(path: string): Promise<EngineBinary> {
  const sha256 = await sha256File(path);
  const entry = {
    path,
    sha256,
    version: 'stand-in',
    multiMiner: false,
    verifiedAt: new Date().toISOString(),
  };
  return { source: 'custom', path, sha256, version: entry.version, multiMiner: false, entry };
}
