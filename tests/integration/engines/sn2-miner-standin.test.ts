/**
 * The sn2-miner stand-in refuses what spec sn2-2026.md says the real binary refuses (§2.5 command line,
 * §2.7 exit codes): a stand-in that accepted more would let an adapter bug through.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STANDIN } from '../../helpers/engine-standin.js';

function run(args: string[], variant: 'single' | 'multi' = 'single') {
  const r = spawnSync(process.execPath, [STANDIN, ...args], {
    env: { ...process.env, STANDIN_VARIANT: variant },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { code: r.status, stderr: r.stderr };
}

describe('the sn2-miner stand-in refuses what sn2-miner refuses', () => {
  it.each([
    [['--version'], 'single'],
    [['--threads', '4'], 'single'],
    [['--miner', 'hk:9000'], 'single'],
    [['--netuid', 'two'], 'single'],
    [['--axon-port'], 'single'],
    [['--handler-timeout', '0'], 'single'],
    [['--miner', 'hk:9000', '--axon-port', '9001'], 'multi'],
    [['--miner', 'hk'], 'multi'],
    [['--miner', 'wallet/hk:0'], 'multi'],
  ] as const)('%j (%s variant): clap usage error, exit 2', (args, variant) => {
    const r = run([...args], variant);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*\n\nUsage: sn2-miner \[OPTIONS\]/);
  });

  it('exit 1 for the §2.7 start-up errors: IPv6 external IP, a bad log level, duplicate --miner entries', () => {
    expect(run(['--external-ip', '2001:db8::1'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('external IP must be IPv4'),
    });
    expect(run(['--log-level', 'LOUD!'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('invalid --log-level "LOUD!"'),
    });
    expect(run(['--miner', 'a:9000,b:9000'], 'multi').code).toBe(1);
  });

  it('--help exits 0 and lists --miner only in the multi-miner variant', () => {
    const single = spawnSync(process.execPath, [STANDIN, '--help'], { encoding: 'utf8' });
    const multi = spawnSync(process.execPath, [STANDIN, '--help'], {
      env: { ...process.env, STANDIN_VARIANT: 'multi' },
      encoding: 'utf8',
    });
    expect([single.status, multi.status]).toEqual([0, 0]);
    expect(single.stdout).not.toContain('--miner');
    expect(multi.stdout).toContain('--miner <MINER>');
  });
});
