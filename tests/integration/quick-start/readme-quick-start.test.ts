import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The README's headless quick start, run as a new user meets it: in a fresh copy of the checkout (the
 * files git tracks or would add, no dist/ or other build output), with the installed node_modules
 * standing in for `npm install`, commands in the README's order, through `npx` as written.
 */
const repo = join(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const block = /## Headless quick start[\s\S]*?```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = block
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(Boolean);

/** Each README command: how this test runs it, or why it cannot run here. */
const PLAN: Record<string, { run?: string[]; stdin?: string; skip?: string; okCodes?: number[] }> = {
  'npm install': { skip: 'stood in for by the installed node_modules (no registry here)' },
  'npx sn2 hardware': { run: ['--json'] },
  'npx sn2 provers list': { run: ['--json'] },
  'npx sn2 wallet create --wallet.name miner --wallet.hotkey default': {
    run: ['--password-stdin', '--json'],
    stdin: 'a-long-test-password\n',
  },
  'npx sn2 practice --rounds 3': {
    skip: 'a local chain and real proofs: covered by tests/integration/practice',
  },
  'npx sn2 circuits fetch --all': { skip: 'downloads from the network' },
  // Exit 1 means "not installed" (documented in `sn2 ezkl status --help`): the command still works.
  'npx sn2 ezkl status': { run: ['--json'], okCodes: [0, 1] },
  'npx sn2 mine --subtensor.network test --netuid 118 --wallet.name miner --wallet.hotkey default': {
    skip: 'connects to testnet',
  },
  'npx sn2 economics --subtensor.network test --netuid 118': { skip: 'reads testnet' },
  'npx sn2 register --subtensor.network test --netuid 118 --wallet.name miner --max-burn 0.5': {
    skip: 'registers on testnet (burns TAO)',
  },
  'npx sn2 engine install': { skip: "downloads the official sn2-miner from upstream's releases" },
  'npx sn2 probe quic 203.0.113.5:8091 --fresh-key': { skip: 'dials the address given (the network)' },
  'npx sn2 ui': { run: ['--port', '0', '--json'] },
};

let fresh: string;
const env = () => ({
  ...process.env,
  SN2_HOME: join(fresh, '.home'),
  BT_WALLET_PATH: join(fresh, '.wallets'),
  npm_config_offline: 'true',
  npm_config_update_notifier: 'false',
});

beforeAll(() => {
  fresh = mkdtempSync(join(tmpdir(), 'sn2-fresh-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && f !== 'node_modules' && existsSync(join(repo, f)));
  for (const file of files) {
    mkdirSync(dirname(join(fresh, file)), { recursive: true });
    copyFileSync(join(repo, file), join(fresh, file));
  }
  symlinkSync(realpathSync(join(repo, 'node_modules')), join(fresh, 'node_modules'), 'dir');
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

function npx(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: fresh, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("README's headless quick start on a fresh clone", () => {
  it('lists only commands this test knows how to run or why it cannot', () => {
    expect(commands.length).toBeGreaterThan(3);
    expect(commands.filter((c) => !Object.hasOwn(PLAN, c))).toEqual([]);
    expect(existsSync(join(fresh, 'dist'))).toBe(false);
  });

  it('runs each command that needs no network, in order', async () => {
    for (const command of commands) {
      const plan = PLAN[command]!;
      if (plan.skip || command === 'npx sn2 ui') continue;
      const r = await npx([...command.split(' ').slice(1), ...plan.run!], plan.stdin);
      expect(plan.okCodes ?? [0], `${command}: ${r.stderr}`).toContain(r.code);
      expect(() => JSON.parse(r.stdout), command).not.toThrow();
    }
  }, 120_000);

  it('npx sn2 ui builds the web UI on first start and serves it', async () => {
    const child = spawn('npx', ['sn2', 'ui', ...PLAN['npx sn2 ui']!.run!], {
      cwd: fresh,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npx's children go with it
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      let out = '';
      const lines = (async () => {
        for await (const line of createInterface({ input: child.stdout })) {
          out += line;
          if (line === '}') break;
        }
      })();
      const timer = new Promise((done) => setTimeout(done, 150_000));
      await Promise.race([lines, timer]);
      expect(out, `no URL printed; stderr: ${stderr}`).not.toBe('');
      const { url } = JSON.parse(out) as { url: string };
      const page = await fetch(url.split('#')[0]);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(existsSync(join(fresh, 'dist', 'index.html'))).toBe(true);
    } finally {
      const exited = new Promise((done) => child.once('close', done));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 240_000);
});
