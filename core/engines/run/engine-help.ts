import { ReleaseVerificationError } from '../install/errors.js';
import { parseEngineHelp, smokeTest, type EngineHelp } from '../install/probe-binary.js';

/**
 * The flags and variant of the binary about to start (spec sn2-2026.md §2.5 "variant detection"), read with
 * the installer's `--help` smoke test (no shell, loader errors such as a missing OpenSSL 3 explained, §2.1).
 */
export async function probeEngineHelp(binary: string, timeoutMs = 15_000): Promise<EngineHelp> {
  const help = parseEngineHelp(await smokeTest(binary, timeoutMs));
  if (!help.flags.has('--axon-port'))
    throw new ReleaseVerificationError(`${binary} --help lists no --axon-port: it is not an sn2-miner`);
  return help;
}
