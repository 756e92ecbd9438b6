import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'sn2-cli-'));
const sn2 = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/sn2.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SN2_HOME: home },
    timeout: 60_000,
  });

describe('sn2 CLI', () => {
  it('--help lists the subcommands', () => {
    const r = sn2('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: sn2/);
    expect(r.stdout).toMatch(/hardware/);
  });

  it('hardware --json prints one JSON report with a verdict', () => {
    const r = sn2('hardware', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cpu.threads).toBeGreaterThan(0);
    expect(Array.isArray(report.gpus)).toBe(true);
    expect(typeof report.verdict.summary).toBe('string');
  });

  it('an unknown command or flag exits non-zero with a one-line error', () => {
    const a = sn2('frobnicate');
    expect(a.status).not.toBe(0);
    expect(a.stderr).toMatch(/unknown command 'frobnicate'/);
    const b = sn2('hardware', '--bogus');
    expect(b.status).not.toBe(0);
    expect(b.stderr).toMatch(/unknown option '--bogus'/);
  });
});
