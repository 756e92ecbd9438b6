// The native-ezkl pipeline (locate → gen-witness → prove → v10 verify) end to end, through a stand-in
// `ezkl` executable that proves for real with @ezkljs/engine on ezkl's tiny test circuit.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CircuitStore } from '../../../core/circuits/store.js';
import { EzklSettingsSchema } from '../../../core/circuits/settings.js';
import { NativeToolError, ProofCancelledError, ProofTimeoutError } from '../../../core/provers/errors.js';
import { locateEzkl } from '../../../core/provers/ezkl/native-cli.js';
import { expectedInputFelts } from '../../../core/provers/ezkl/instances.js';
import { runTool } from '../../../core/provers/native/run-tool.js';
import { createProverPool, type ProverPool } from '../../../core/provers/pool.js';
import { createProver, type Prover, type ProveResult } from '../../../core/provers/prover.js';
import { sharedPath } from '../../helpers/shared.js';

const fake = fileURLToPath(new URL('./fixtures/fake-ezkl.mjs', import.meta.url));
const tiny = (f: string) => sharedPath('fixtures/ezkl-tiny', f);
const INPUT = { input: [1.5417295, 0.5346153, 1.2172532] };

let root: string;
let pool: ProverPool;
let store: CircuitStore;
let srsDir: string;
let prover: Prover;
let id: string;
let proven: ProveResult;

/** The tiny circuit as an EZKL circuit of a real store: a manifest folder plus an offline file folder. */
async function buildStore(): Promise<void> {
  const compiledPath = tiny('model.compiled');
  const srsPath = tiny('kzg');
  // The fixture's stored keys are stale (ORIGIN.md): regenerate them, as the circuit's own files.
  const vk = await pool.run({ kind: 'ezkl.genVk', compiledPath, srsPath });
  const pk = await pool.run({ kind: 'ezkl.genPk', vk, compiledPath, srsPath });
  id = createHash('sha256').update(vk).digest('hex');

  const filesDir = join(root, 'offline', `model_${id}`);
  mkdirSync(filesDir, { recursive: true });
  copyFileSync(compiledPath, join(filesDir, 'model.compiled'));
  copyFileSync(tiny('settings.json'), join(filesDir, 'settings.json'));
  writeFileSync(join(filesDir, 'vk.key'), vk);
  writeFileSync(join(filesDir, 'pk.key'), pk);

  const pkUrl = `https://sn2-storage.inferencelabs.com/${id}/pk.key`;
  const inPackage = (name: string, roles: string[]) => {
    const bytes = readFileSync(join(filesDir, name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { url: null, sha256, bytes: bytes.length, max_bytes: bytes.length, in_package: true, roles };
  };
  const manifestDir = join(root, 'manifests', `model_${id}`);
  mkdirSync(manifestDir, { recursive: true });
  writeFileSync(
    join(manifestDir, 'metadata.json'),
    JSON.stringify({
      name: 'ezkl tiny (test)',
      description: "ezkl's own tiny test circuit",
      author: 'zkonduit',
      version: '0.0.1',
      proof_system: 'EZKL',
      type: 'proof_of_computation',
      external_files: { 'pk.key': pkUrl },
    }),
  );
  writeFileSync(
    join(manifestDir, 'files.json'),
    JSON.stringify({
      source: 'test: fixtures/ezkl-tiny with regenerated keys',
      files: {
        'model.compiled': inPackage('model.compiled', ['prove']),
        'vk.key': inPackage('vk.key', ['prove', 'verify']),
        'settings.json': inPackage('settings.json', ['prove', 'verify']),
        'pk.key': {
          url: pkUrl,
          sha256: null,
          bytes: null,
          max_bytes: 1 << 30,
          in_package: false,
          roles: ['prove'],
        },
      },
    }),
  );
  const warnings: string[] = [];
  store = new CircuitStore({
    manifestsDir: join(root, 'manifests'),
    bundledDirs: [],
    offlineDir: join(root, 'offline'),
    cacheDir: join(root, 'cache'),
    onWarning: (m) => warnings.push(m),
  });
  expect(warnings).toEqual([]);

  // k = 6 has no pinned hash: the fixture SRS is accepted on its size (4 + 128·2^6 + 256).
  srsDir = join(root, 'srs');
  mkdirSync(srsDir);
  copyFileSync(srsPath, join(srsDir, 'kzg6.srs'));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sn2-ezkl-native-'));
  pool = createProverPool({ size: 1 });
  await buildStore();
  prover = await createProver({ store, pool, srsDir, ezklPath: fake });
  proven = await prover.prove(id, INPUT, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.FAKE_EZKL_MODE;
  delete process.env.FAKE_EZKL_VERSION;
  delete process.env.FAKE_EZKL_PID_FILE;
});

type ProofFile = { instances: string[][]; proof: number[]; hex_proof: string; transcript_type: string };
const proofOf = (r: ProveResult): ProofFile => JSON.parse(r.proofText) as ProofFile;

describe('native ezkl through a stand-in executable', () => {
  it('is located with its version, and EZKL circuits can be proven and verified', async () => {
    const found = await locateEzkl({ configuredPath: fake });
    expect(found.cli?.version).toBe('22.0.1');
    expect(await prover.capability(id)).toEqual({ canProve: true });
    expect(await prover.canVerify(id)).toBe(true);
  });

  it('proves: the reply texts are the proof file and its instances, single-encoded', () => {
    expect(proven.prover).toBe('ezkl');
    const proof = proofOf(proven);
    expect(Object.keys(proof)).toEqual(
      expect.arrayContaining([
        'protocol',
        'instances',
        'proof',
        'hex_proof',
        'transcript_type',
        'commitment',
      ]),
    );
    expect(proof.transcript_type).toBe('EVM');
    expect(proven.publicSignalsText).toBe(JSON.stringify(proof.instances));
    expect(proven.publicSignals).toEqual(proof.instances);
    // Inputs are private in this circuit: the only instances are the four outputs (all 0 at scale 0).
    expect(proof.instances).toEqual([Array(4).fill('0'.repeat(64))]);
    expect(proven.timings.totalMs).toBeGreaterThan(0);
  });

  it('verifies like a v10 validator: the honest proof passes, tampered bytes or outputs fail', async () => {
    const proof = proofOf(proven);
    const ok = await prover.verify(id, INPUT, proven.proofText, proven.publicSignalsText);
    expect(ok).toEqual({ verified: true, proofSize: proof.proof.length, verifier: 'ezkl' });

    const bytes = structuredClone(proof);
    bytes.proof[100] ^= 1;
    bytes.hex_proof = `0x${Buffer.from(bytes.proof).toString('hex')}`;
    const tampered = await prover.verify(id, INPUT, JSON.stringify(bytes), proven.publicSignalsText);
    expect(tampered).toMatchObject({ verified: false, reason: 'not verified', verifier: 'ezkl' });

    const output = structuredClone(proof);
    output.instances[0][2] = `01${'0'.repeat(62)}`;
    const forged = await prover.verify(id, INPUT, JSON.stringify(output), JSON.stringify(output.instances));
    expect(forged).toMatchObject({ verified: false, reason: 'not verified' });

    expect(await prover.verify(id, INPUT, 'not json', '[]')).toMatchObject({
      verified: false,
      proofSize: 5000,
    });
  });

  it('pins input instances only for circuits whose inputs are public', () => {
    const settings = EzklSettingsSchema.parse(JSON.parse(readFileSync(tiny('settings.json'), 'utf8')));
    expect(expectedInputFelts(settings, INPUT)).toEqual([]);
    const publicInputs = { ...settings, run_args: { ...settings.run_args, input_visibility: 'Public' } };
    // Scale 0: 1.54 → 2, 0.53 → 1, 1.22 → 1, as the witness quantises them.
    expect(expectedInputFelts(publicInputs, INPUT)).toEqual(
      ['02', '01', '01'].map((b) => b + '0'.repeat(62)),
    );
  });

  it('the stand-in rejects arguments the real ezkl would not take, so the wiring above is exact', async () => {
    const r = await runTool('ezkl', fake, ['prove', '--witness', 'w', '--bogus', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unexpected argument '--bogus'/);
  });

  it('refuses an ezkl of another version, with the reason, and EZKL capacity is then 0', async () => {
    process.env.FAKE_EZKL_VERSION = '21.0.0';
    const found = await locateEzkl({ configuredPath: fake });
    expect(found.cli).toBeNull();
    expect(found.reason).toBe(`ezkl at ${fake} is version 21.0.0, SN2 needs 22.0.1`);
    const old = await createProver({ store, pool, srsDir, ezklPath: fake });
    expect(await old.capability(id)).toEqual({ canProve: false, reason: found.reason });
    expect(await old.canVerify(id)).toBe(false);
    await expect(old.prove(id, INPUT)).rejects.toThrow(
      /cannot be proven here: ezkl at .* is version 21\.0\.0/,
    );

    const notExecutable = tiny('settings.json');
    expect((await locateEzkl({ configuredPath: notExecutable })).reason).toBe(
      `the configured ezkl ${notExecutable} is not an executable file`,
    );
  });

  it('reports a failing ezkl by tool and command, and an unreadable proof file as ezkl’s fault', async () => {
    process.env.FAKE_EZKL_MODE = 'fail';
    const failed = prover.prove(id, INPUT);
    await expect(failed).rejects.toBeInstanceOf(NativeToolError);
    await expect(failed).rejects.toThrow(/^ezkl: gen-witness exited with code 1: .*told to fail/);
    expect(await prover.verify(id, INPUT, proven.proofText, proven.publicSignalsText)).toMatchObject({
      verified: false,
      reason: 'not verified',
    });

    process.env.FAKE_EZKL_MODE = 'garbage';
    await expect(prover.prove(id, INPUT)).rejects.toThrow(/^ezkl: prove wrote an unreadable proof file/);
  });

  it('kills the ezkl process at the timeout and on cancel; a verify past its limit is not verified', async () => {
    process.env.FAKE_EZKL_MODE = 'hang';
    const pidFile = join(root, 'ezkl.pid');
    process.env.FAKE_EZKL_PID_FILE = pidFile;

    await expect(prover.prove(id, INPUT, { timeoutMs: 1500 })).rejects.toBeInstanceOf(ProofTimeoutError);
    await expectKilled(pidFile);

    rmSync(pidFile);
    const controller = new AbortController();
    const cancelled = prover.prove(id, INPUT, { signal: controller.signal, timeoutMs: 30_000 });
    await waitFor(() => existsSync(pidFile));
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(ProofCancelledError);
    await expectKilled(pidFile);

    rmSync(pidFile);
    const slow = await prover.verify(id, INPUT, proven.proofText, proven.publicSignalsText, {
      timeoutMs: 1000,
    });
    expect(slow).toMatchObject({ verified: false, reason: 'ezkl: timed out after 1000 ms' });
    await expectKilled(pidFile);
  });
});

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function expectKilled(pidFile: string): Promise<void> {
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await waitFor(() => !alive(), 5_000);
}
