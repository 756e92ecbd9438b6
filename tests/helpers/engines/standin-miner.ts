/**
 * A stand-in `sn2-miner` for installer tests (the official binary cannot run here: no network, and it
 * is a release download). Written from spec sn2-2026.md, not from the installer:
 *   §2.5  no subcommands; `--help` prints usage and exits 0; an unknown flag (including `--version`)
 *         is a clap usage error on stderr, exit 2; the flags of the single-miner variant (plus
 *         `--miner` for the multi-miner variant);
 *   §3.2  the first log line on stdout is S1 `sn2-miner version="X"`, then S2; it then keeps running
 *         until a signal (§2.8: SIGTERM → X1, exit 0);
 *   §2.1  `libssl` variant: what the dynamic loader prints when OpenSSL 3 is missing (exit 127).
 * A POSIX sh script, so it starts in milliseconds. Padding makes it large enough to cut a download mid-way.
 */
import { createHash } from 'node:crypto';

export type StandinVariant = 'single' | 'multi' | 'libssl-missing';

const VALUE_FLAGS = [
  '--netuid',
  '--network',
  '--subtensor.network',
  '--subtensor-chain-endpoint',
  '--subtensor.chain_endpoint',
  '--wallet-name',
  '--wallet.name',
  '--wallet-hotkey',
  '--wallet.hotkey',
  '--wallet-path',
  '--wallet.path',
  '--log-level',
  '--logging.level',
  '--axon-host',
  '--axon.host',
  '--axon-port',
  '--axon.port',
  '--external-ip',
  '--axon.external_ip',
  '--additional-circuits',
  '--circuit-cache-dir',
  '--handler-timeout',
];

export function standinMiner(version = '14.6.0', variant: StandinVariant = 'single'): Buffer {
  const padding = Array.from(
    { length: 1500 },
    (_, i) => `# ${createHash('sha256').update(`${version}${i}`).digest('hex')}`,
  );
  if (variant === 'libssl-missing')
    return Buffer.from(
      `#!/bin/sh\necho "$0: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory" >&2\nexit 127\n${padding.join('\n')}\n`,
    );
  const valueFlags = variant === 'multi' ? [...VALUE_FLAGS, '--miner'] : VALUE_FLAGS;
  const help = [
    'Subnet 2 miner',
    '',
    'Usage: sn2-miner [OPTIONS]',
    '',
    'Options:',
    ...valueFlags.filter((f) => !f.includes('.')).map((f) => `      ${f} <VALUE>`),
    '      --no-auto-update',
    '      --loopback',
    '  -h, --help  Print help',
  ].join('\n');
  return Buffer.from(`#!/bin/sh
ts() { date -u +%Y-%m-%dT%H:%M:%S.000000Z; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) cat <<'HELP'
${help}
HELP
      exit 0 ;;
    --no-auto-update|--loopback) shift ;;
    ${valueFlags.join('|')}) [ $# -ge 2 ] || { echo "error: a value is required for '$1 <VALUE>' but none was supplied" >&2; exit 2; }; shift 2 ;;
    *) echo "error: unexpected argument '$1' found" >&2; echo "Usage: sn2-miner [OPTIONS]" >&2; exit 2 ;;
  esac
done
echo "$(ts)  INFO sn2_miner: sn2-miner version=\\"${version}\\""
echo "$(ts)  INFO sn2_miner: starting sn2-miner netuid=2 network=finney"
trap 'echo "$(ts)  INFO sn2_miner: received SIGTERM, shutting down miner"; exit 0' TERM
while :; do sleep 1; done
${padding.join('\n')}
`);
}
