/** `sn2 provers use|list|clear` and `sn2 prove --prover` with the real rapidsnark binary. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_CIRCUIT_ID } from '../../../core/circuits/constants.js';
import { generateInput } from '../../../core/circuits/inputs/registry.js';
import { rapidsnarkBinary } from '../../helpers/provers/rapidsnark.js';

const run = promisify(execFile);
let home: string;
let bin: string;

async function sn2(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/sn2.mjs', ...args], {
      env: { ...process.env, SN2_HOME: home, PATH: '/usr/bin:/bin' },
      timeout: 120_000,
    });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  bin = rapidsnarkBinary();
  home = mkdtempSync(join(tmpdir(), 'sn2-provers-cli-'));
});

describe('sn2 provers / sn2 prove --prover', () => {
  it('refuses a binary that is not rapidsnark, with the reason, and saves nothing', async () => {
    const r = await sn2('provers', 'use', 'rapidsnark', '/bin/false', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/not using \/bin\/false: \/bin\/false is not rapidsnark's prover/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await sn2('provers', 'use', 'snarkjs', '/bin/false')).code).toBe(2);
  });

  it('self-tests and saves the real rapidsnark, lists it, proves with it, then forgets it', async () => {
    const use = await sn2('provers', 'use', 'rapidsnark', bin, '--json');
    expect(use.code).toBe(0);
    expect(JSON.parse(use.stdout)).toEqual({ name: 'rapidsnark', path: bin, saved: true });
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).prover.nativePaths).toEqual({
      rapidsnark: bin,
    });

    const list = JSON.parse((await sn2('provers', 'list', '--measure', '--json')).stdout) as {
      provers: Array<{ name: string; usable: boolean; source: string | null }>;
      times: Array<{ prover: string; ms: number | null; chosen: boolean }>;
      choices: Array<{ circuitId: string; prover: string }>;
    };
    expect(list.provers.find((p) => p.name === 'rapidsnark')).toMatchObject({
      usable: true,
      source: 'settings',
    });
    expect(list.times.map((t) => t.prover).sort()).toEqual(['rapidsnark', 'snarkjs']);
    expect(list.times.every((t) => t.ms !== null && t.ms > 0)).toBe(true);
    const chosen = list.times.find((t) => t.chosen)!.prover;
    expect(list.choices.find((c) => c.circuitId === PRACTICE_CIRCUIT_ID)?.prover).toBe(chosen);

    const out = mkdtempSync(join(tmpdir(), 'sn2-prove-out-'));
    const input = join(out, 'input.json');
    writeFileSync(input, JSON.stringify(generateInput(PRACTICE_CIRCUIT_ID)));
    const proved = await sn2(
      'prove',
      '--circuit',
      PRACTICE_CIRCUIT_ID,
      '--input',
      input,
      '--out',
      out,
      '--prover',
      'rapidsnark',
      '--json',
    );
    expect(proved.code).toBe(0);
    expect(JSON.parse(proved.stdout)).toMatchObject({
      prover: 'rapidsnark',
      timings: { totalMs: expect.any(Number) },
    });
    const verified = await sn2(
      'verify',
      '--circuit',
      PRACTICE_CIRCUIT_ID,
      '--proof',
      join(out, 'proof.json'),
      '--public',
      join(out, 'public.json'),
      '--input',
      input,
    );
    expect(verified.code).toBe(0);

    expect(JSON.parse((await sn2('provers', 'clear', 'rapidsnark', '--json')).stdout)).toEqual({
      name: 'rapidsnark',
      cleared: bin,
    });
    const after = JSON.parse((await sn2('provers', 'list', '--json')).stdout) as typeof list;
    expect(after.provers.find((p) => p.name === 'rapidsnark')?.source).not.toBe('settings');
    // No CUDA GPU here: a forced icicle-snark is refused with the reason, not silently replaced.
    const refused = await sn2(
      'prove',
      '--circuit',
      PRACTICE_CIRCUIT_ID,
      '--input',
      input,
      '--out',
      out,
      '--prover',
      'icicle-snark',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/icicle-snark is not usable here/);
  }, 300_000);
});
