import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../helpers/shared.js';

export interface RunningUi {
  /** The URL `sn2 ui` printed, token included. */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** A throwaway app home: data folder, wallets folder and HOME, so tests never touch the user's files. */
export function makeHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'sn2-e2e-'));
  mkdirSync(join(home, 'wallets'));
  return home;
}

/**
 * Starts the real `sn2 ui` (real CoreService) on a free port and waits for the URL it prints; `env` adds
 * to (or overrides) its environment.
 */
export async function startUi(home: string, env: Record<string, string> = {}): Promise<RunningUi> {
  const child = spawn(process.execPath, ['bin/sn2.mjs', 'ui', '--port', '0'], {
    env: {
      ...process.env,
      SN2_HOME: join(home, 'data'),
      BT_WALLET_PATH: join(home, 'wallets'),
      HOME: home,
      // The practice network runs offline here: the subtensor spec and SN2 circuits from the shared fixtures.
      SUBTENSOR_SPEC: process.env.SUBTENSOR_SPEC ?? sharedPath('fixtures/subtensor/aura-dev-spec293.json'),
      SN2_CIRCUITS_DIR: process.env.SN2_CIRCUITS_DIR ?? sharedPath('fixtures/sn2'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sn2 ui printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sn2 ui exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
