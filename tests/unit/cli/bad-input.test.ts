import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../helpers/shared.js';

/**
 * The spawned `sn2` as a headless user meets it: every bad input ends with exit 1 (refused) or 2 (bad
 * command line), exactly one "sn2: error: …" line on stderr, and with --json one {"error"} document on
 * stdout. The spawns of one group run at once (each costs ~2–3 s of tsx start-up).
 */
const tmp = mkdtempSync(join(tmpdir(), 'sn2-cli-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const home = join(tmp, 'home');
const wallets = join(tmp, 'wallets');
const PRACTICE = 'fdc73f310d26';
const MISSING = '1550853037e0'; // SN2 PoW 1024: no file of it is shipped or cached
mkdirSync(home);
mkdirSync(wallets);
const file = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};
const notJson = file('not.json', 'not json\n');
const emptyObject = file('empty.json', '{}');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sn2(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/sn2.mjs', ...args],
      {
        env: { ...process.env, SN2_HOME: home, BT_WALLET_PATH: wallets, ...opts.env },
        timeout: 90_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

/** Exit status, the one stderr line, and (with --json) the one JSON document's error. */
function expectError(r: Run, code: number, pattern: RegExp, json = false): void {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^sn2: error: /);
  expect(lines.at(-1)).toMatch(pattern);
  if (json) {
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((JSON.parse(r.stdout) as { error: string }).error).toMatch(pattern);
  } else expect(r.stdout).toBe('');
}

describe('sn2 command line errors (exit 2, one line, one JSON document)', () => {
  let r: Run[];
  beforeAll(async () => {
    r = await Promise.all([
      sn2(['zzqx', '--json']),
      sn2(['hardware', '--jsn']),
      sn2(['prove', '--circuit', 'x', '--json']),
      sn2(['wallet', 'create', 'extra']),
    ]);
  }, 120_000);

  it('an unknown command, a misspelt option, a missing option and an extra argument', () => {
    expectError(r[0], 2, /unknown command 'zzqx' \(see "sn2 --help"\)/, true);
    expectError(r[1], 2, /unknown option '--jsn' \(Did you mean --json\?\) \(see "sn2 hardware --help"\)/);
    expectError(r[2], 2, /required option '--input <file>' not specified \(see "sn2 prove --help"\)/, true);
    expectError(r[3], 2, /too many arguments .* \(see "sn2 wallet create --help"\)/);
    for (const run of r) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('sn2 refusing bad values and files (exit 1, before any slow work)', () => {
  let r: Run[];
  beforeAll(async () => {
    r = await Promise.all([
      sn2(['prove', '--circuit', 'fdc', '--input', emptyObject]),
      sn2(['prove', '--circuit', PRACTICE, '--input', tmp, '--json']),
      sn2(['prove', '--circuit', PRACTICE, '--input', notJson]),
      sn2(['prove', '--circuit', PRACTICE, '--input', emptyObject, '--out', notJson, '--json']),
      sn2(['prove', '--circuit', MISSING, '--input', emptyObject, '--json']),
      sn2(['devnet', '--tempo', '0', '--json']),
      sn2(['devnet', '--port', '0', '--spec', notJson, '--json']),
      sn2(['devnet', '--port', '0', '--no-bootstrap', '--spec', emptyObject]),
      sn2(['mine', '--no-chain', '--axon.port', '1e3']),
      sn2(['mine', '--no-chain', '--json']),
      sn2(['ui', '--port', '', '--json']),
      sn2(['wallet', 'list', '--wallet.path', notJson, '--json']),
    ]);
  }, 180_000);

  it('prove: a too-short id prefix, a folder, non-JSON, an --out that is a file, missing circuit files', () => {
    expectError(r[0], 1, /circuit id prefix "fdc" is too short: give at least 4 characters/);
    expectError(r[1], 1, /input file .* is a folder, not a file$/, true);
    expectError(r[2], 1, /input file .*not\.json is not valid JSON \(/);
    expectError(r[3], 1, /--out .*not\.json is a file, not a folder/, true);
    expectError(
      r[4],
      1,
      new RegExp(`cannot be proven here: missing .* \\(run "sn2 circuits fetch ${MISSING}"\\)`),
      true,
    );
  });

  it('devnet: a bad --tempo is refused before the chain starts; a spec that is not JSON or not a chain spec', () => {
    expectError(r[5], 1, /--tempo must be an integer 1–1000, got "0"/, true);
    expect(readdirSync(home)).not.toContain('devnet'); // nothing was started or cached
    expectError(r[6], 1, /subtensor chain spec .*not\.json is not JSON/, true);
    expect(r[7].code).toBe(1);
    expect(r[7].stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^sn2: error: .*empty\.json is not a runtimeGenesis chain spec \(name: /,
    );
  });

  it('mine, ui and wallet list: bad numbers, no wallet, a file as the wallets folder', () => {
    expectError(r[8], 1, /--axon.port must be a port from 1 to 65535, got "1e3"/);
    expectError(
      r[9],
      1,
      /hotkey "default" of wallet "default" not found: .* create it with "sn2 wallet create"/,
      true,
    );
    expectError(r[10], 1, /--port must be a port from 0 to 65535 \(0 = any free port\), got ""/, true);
    expectError(r[11], 1, /wallets folder .*not\.json is a file, not a folder/, true);
  });
});

describe('sn2 wallet inspect --password-stdin', () => {
  const vector = JSON.parse(readFileSync(sharedPath('vectors', 'wallet-files.json'), 'utf8')) as {
    key: { ss58: string };
    files: Record<string, { content: string }>;
  };
  const coldkey = JSON.parse(readFileSync(sharedPath('vectors', 'nacl-coldkey.json'), 'utf8')) as {
    password: string;
    file_base64: string;
  };
  const path = join(tmp, 'vector-wallets');
  beforeAll(() => {
    mkdirSync(join(path, 'v', 'hotkeys'), { recursive: true });
    writeFileSync(join(path, 'v', 'coldkey'), Buffer.from(coldkey.file_base64, 'base64'));
    writeFileSync(join(path, 'v', 'coldkeypub.txt'), vector.files['coldkeypub.txt'].content);
    writeFileSync(join(path, 'v', 'hotkeys', 'default'), vector.files['hotkeys/<hotkey>'].content);
  });

  it('a wrong password on stdin is one error line; the right one unlocks; an empty stdin says so', async () => {
    const args = [
      'wallet',
      'inspect',
      '--wallet.path',
      path,
      '--wallet.name',
      'v',
      '--password-stdin',
      '--json',
    ];
    const [wrong, right, empty] = await Promise.all([
      sn2(args, { stdin: 'not the password\n' }),
      sn2(args, { stdin: `${coldkey.password}\n` }),
      sn2(args, { stdin: '' }),
    ]);
    expectError(wrong, 1, /wrong password for .*coldkey/, true);
    expect(right.code, right.stderr).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({
      coldkeyAddress: vector.key.ss58,
      coldkeyUnlocked: true,
    });
    expectError(empty, 1, /--password-stdin: stdin held no password/, true);
  }, 120_000);
});

describe('Ctrl-C during a one-shot command', () => {
  it('sn2 query to an axon that never answers: SIGINT ends it with exit 130 and one {"error"} document', async () => {
    const made = await sn2(['wallet', 'new-hotkey', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const sockets: Socket[] = [];
    const server = createServer();
    const connected = new Promise<void>((resolve) => {
      server.on('connection', (s) => {
        sockets.push(s);
        resolve();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const child = spawn(
      process.execPath,
      ['bin/sn2.mjs', 'query', `127.0.0.1:${port}`, '--synapse', 'QueryZkProof', '--timeout', '60', '--json'],
      { env: { ...process.env, SN2_HOME: home, BT_WALLET_PATH: wallets }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await connected;
    child.kill('SIGINT');
    const code = await exited;
    for (const s of sockets) s.destroy();
    server.close();
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toEqual({ error: 'interrupted' });
    expect(stderr).toBe('sn2: error: interrupted\n');
  }, 120_000);
});
