/**
 * The native `ezkl` 22.0.1 command line, the only prover for SN2's EZKL circuits (their ezkl-22 files
 * cannot be loaded by @ezkljs/engine 21). Commands exactly as SN2 v10 runs them (sn2-protocol §6.2).
 *
 *   const cli = await locateEzkl({ configuredPath, binDir: dataPaths().bin });   // null when absent
 *   await cli.genWitness({ dataPath, compiledPath, outputPath, vkPath }, opts);
 *   await cli.prove({ witnessPath, compiledPath, pkPath, proofPath, srsPath }, opts);
 *   const ok = await cli.verify({ settingsPath, proofPath, vkPath, srsPath }, opts);
 */
import { NativeToolError } from '../errors.js';
import { bundledBinDir, locateExecutable } from '../native/locate.js';
import { runTool, type RunToolOptions } from '../native/run-tool.js';
import { parseVersion } from '../native/version.js';

export const EZKL_VERSION = '22.0.1';

export class EzklCli {
  constructor(
    readonly path: string,
    readonly version: string,
  ) {}

  private async run(args: string[], options: RunToolOptions): Promise<string> {
    const r = await runTool('ezkl', this.path, args, options);
    if (r.code !== 0) {
      const last = (r.stderr || r.stdout).trim().split('\n').pop() ?? '';
      const how = r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`;
      throw new NativeToolError('ezkl', `${args[0]} ${how}${last ? `: ${last}` : ''}`);
    }
    return r.stdout;
  }

  async genWitness(
    f: { dataPath: string; compiledPath: string; outputPath: string; vkPath: string; srsPath?: string },
    options: RunToolOptions = {},
  ): Promise<void> {
    const args = [
      'gen-witness',
      '--data',
      f.dataPath,
      '--compiled-circuit',
      f.compiledPath,
      '--output',
      f.outputPath,
      '--vk-path',
      f.vkPath,
    ];
    if (f.srsPath) args.push('--srs-path', f.srsPath);
    await this.run(args, options);
  }

  async prove(
    f: { witnessPath: string; compiledPath: string; pkPath: string; proofPath: string; srsPath?: string },
    options: RunToolOptions = {},
  ): Promise<void> {
    const args = [
      'prove',
      '--witness',
      f.witnessPath,
      '--compiled-circuit',
      f.compiledPath,
      '--pk-path',
      f.pkPath,
      '--proof-path',
      f.proofPath,
    ];
    if (f.srsPath) args.push('--srs-path', f.srsPath);
    await this.run(args, options);
  }

  /** True iff stdout contains "verified: true" (the v10 validator's test); a non-zero exit is false. */
  async verify(
    f: { settingsPath: string; proofPath: string; vkPath: string; srsPath?: string },
    options: RunToolOptions = {},
  ): Promise<boolean> {
    const args = [
      'verify',
      '--settings-path',
      f.settingsPath,
      '--proof-path',
      f.proofPath,
      '--vk-path',
      f.vkPath,
    ];
    if (f.srsPath) args.push('--srs-path', f.srsPath);
    const r = await runTool('ezkl', this.path, args, options);
    return r.code === 0 && r.stdout.includes('verified: true');
  }
}

export type LocateEzklResult = { cli: EzklCli; reason?: undefined } | { cli: null; reason: string };

/** Find ezkl (configured path, the data dir's bin/, resources/bin, PATH) and require version 22.0.1. */
export async function locateEzkl(
  options: { configuredPath?: string; binDir?: string } = {},
): Promise<LocateEzklResult> {
  const path = locateExecutable('ezkl', {
    configuredPath: options.configuredPath,
    dirs: [...(options.binDir ? [options.binDir] : []), bundledBinDir()],
  });
  if (!path) {
    const reason = options.configuredPath
      ? `the configured ezkl ${options.configuredPath} is not an executable file`
      : `ezkl ${EZKL_VERSION} is not installed`;
    return { cli: null, reason };
  }
  try {
    const r = await runTool('ezkl', path, ['--version'], { timeoutMs: 10_000 });
    const version = parseVersion(`${r.stdout}\n${r.stderr}`);
    if (version !== EZKL_VERSION) {
      return {
        cli: null,
        reason: `ezkl at ${path} is version ${version ?? 'unknown'}, SN2 needs ${EZKL_VERSION}`,
      };
    }
    return { cli: new EzklCli(path, version) };
  } catch (err) {
    return { cli: null, reason: (err as Error).message };
  }
}
