#!/usr/bin/env node
// A stand-in for the official `sn2-miner` (single-miner variant; multi-miner with STANDIN_VARIANT=multi),
// written from shared/spec/sn2-2026.md: the CLI table and clap's rejections (§2.5: unknown flags, --version
// → exit 2), the wallet file it reads (§2.10), exit codes and stderr forms (§2.7), signals (§2.8), NO_COLOR and
// RUST_LOG (§2.9), a real UDP bind of --axon-port (§2.12), the circuit cache (§6.2–6.3) and log lines in the exact
// §3 format. What the real binary gets from the outside world (the chain, the circuit repository, the admitted
// validator's requests) cannot exist here; STANDIN_* variables stand in for it:
//   STANDIN_VERSION (14.6.0) · STANDIN_REGISTERED=0 (hotkey not on the subnet) · STANDIN_CIRCUIT_COMPONENTS (120:
//   components of the one model downloaded on a cold cache) · STANDIN_REQUESTS (0) · STANDIN_REQUEST_INTERVAL_MS
//   (200) · STANDIN_PROOF_MS (50) · STANDIN_FAIL_EVERY (0 = never: every k-th request fails) ·
//   STANDIN_CRASH_AFTER_MS (panic, exit 101, that long after start) · STANDIN_FLOOD (log lines per second after
//   ready) · STANDIN_GARBAGE=1 (binary noise and a 1 MB line without a newline on stdout) · STANDIN_EXIT_CODE
//   (exit with this code right after the version line, stderr "Error: …" as given by STANDIN_ERROR)
import dgram from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ADMITTED = '5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J';
const MODEL = 'c9956a0e46738188c9956a0e46738188c9956a0e46738188c9956a0e46738188';
const env = process.env;
const multi = env.STANDIN_VARIANT === 'multi';

// ---- command line, as clap parses cli.rs: long names with their dotted aliases ----
const OPTIONS = {
  '--netuid': { alias: [], value: 'NETUID', def: '2', num: true },
  '--network': { alias: ['--subtensor.network'], value: 'NETWORK', def: 'finney' },
  '--subtensor-chain-endpoint': { alias: ['--subtensor.chain_endpoint'], value: 'SUBTENSOR_CHAIN_ENDPOINT' },
  '--wallet-name': { alias: ['--wallet.name'], value: 'WALLET_NAME', def: 'default' },
  '--wallet-hotkey': { alias: ['--wallet.hotkey'], value: 'WALLET_HOTKEY', def: 'default' },
  '--wallet-path': { alias: ['--wallet.path'], value: 'WALLET_PATH' },
  '--log-level': { alias: ['--logging.level'], value: 'LOG_LEVEL', def: 'info' },
  '--axon-host': { alias: ['--axon.host'], value: 'AXON_HOST', def: '0.0.0.0' },
  '--axon-port': { alias: ['--axon.port'], value: 'AXON_PORT', def: '8091', num: true },
  '--external-ip': { alias: ['--axon.external_ip'], value: 'EXTERNAL_IP' },
  '--no-auto-update': { alias: [], flag: true },
  '--loopback': { alias: [], flag: true },
  '--additional-circuits': { alias: [], value: 'ADDITIONAL_CIRCUITS' },
  '--circuit-cache-dir': { alias: [], value: 'CIRCUIT_CACHE_DIR' },
  '--handler-timeout': { alias: [], value: 'HANDLER_TIMEOUT', def: '180', num: true },
  ...(multi ? { '--miner': { alias: [], value: 'MINER' } } : {}),
};

function usageError(message) {
  process.stderr.write(
    `error: ${message}\n\nUsage: sn2-miner [OPTIONS]\n\nFor more information, try '--help'.\n`,
  );
  process.exit(2);
}

function help() {
  const lines = Object.entries(OPTIONS).map(
    ([name, o]) =>
      `      ${name}${o.value ? ` <${o.value}>` : ''}${o.def ? `  [default: ${o.def}]` : ''}${o.alias.length ? ` [aliases: ${o.alias.join(', ')}]` : ''}`,
  );
  process.stdout.write(
    `Usage: sn2-miner [OPTIONS]\n\nOptions:\n${lines.join('\n')}\n  -h, --help\n          Print help\n`,
  );
  process.exit(0);
}

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const raw = argv[i];
  if (raw === '--help' || raw === '-h') help();
  const [flag, inline] = raw.includes('=')
    ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
    : [raw, undefined];
  const name = Object.keys(OPTIONS).find((n) => n === flag || OPTIONS[n].alias.includes(flag));
  if (!name) usageError(`unexpected argument '${flag}' found`);
  const o = OPTIONS[name];
  if (o.flag) {
    opts[name] = true;
    continue;
  }
  const value = inline ?? argv[++i];
  if (value === undefined) usageError(`a value is required for '${name} <${o.value}>' but none was supplied`);
  if (o.num && !/^\d+$/.test(value))
    usageError(`invalid value '${value}' for '${name} <${o.value}>': invalid digit found in string`);
  // §2.5: "--handler-timeout ≥ 1" (the spec gives no message; clap's range form here).
  if (name === '--handler-timeout' && Number(value) < 1)
    usageError(`invalid value '${value}' for '${name} <${o.value}>': 0 is not in 1..=18446744073709551615`);
  if (name === '--miner') {
    // §2.5: `[WALLET/]HOTKEY:PORT`, repeated or comma-separated; ports non-zero.
    for (const entry of value.split(','))
      if (!/^([^/:,]+\/)?[^/:,]+:[1-9]\d*$/.test(entry) || Number(entry.split(':')[1]) > 65535)
        usageError(`invalid value '${entry}' for '--miner <MINER>': expected [WALLET/]HOTKEY:PORT`);
    opts[name] = [...(opts[name] ?? []), ...value.split(',')];
    continue;
  }
  opts[name] = value;
}
// §2.5: the --miner entries' ports and hotkeys are unique (the spec gives no message; a start-up error here).
if (opts['--miner']) {
  const ports = opts['--miner'].map((m) => m.split(':')[1]);
  const keys = opts['--miner'].map((m) => m.split(':')[0]);
  if (new Set(ports).size < ports.length || new Set(keys).size < keys.length) {
    process.stderr.write('Error: --miner entries must have unique hotkeys and ports\n');
    process.exit(1);
  }
}
// cli.rs: `--axon-port` conflicts_with `--miner` (the multi-miner variant gives each miner its port).
if (opts['--miner'] !== undefined && opts['--axon-port'] !== undefined)
  usageError("the argument '--miner <MINER>' cannot be used with '--axon-port <AXON_PORT>'");
const opt = (n) => opts[n] ?? OPTIONS[n].def;

// ---- logging: tracing-subscriber "full" format (§3.1) ----
const colour = !env.NO_COLOR;
const filter = env.RUST_LOG || `${opt('--log-level')},gkr=warn`;
const T0_US = BigInt(Date.now()) * 1000n;
const HR0 = process.hrtime.bigint();
const LEVELS = ['error', 'warn', 'info', 'debug', 'trace'];
function enabled(level, target) {
  let max = 'info';
  for (const d of filter.split(',')) {
    const [t, l] = d.includes('=') ? d.split('=') : [undefined, d];
    if (t === undefined && LEVELS.includes(l)) max = l;
    if (t && target.startsWith(t) && LEVELS.includes(l)) max = l;
  }
  return LEVELS.indexOf(level) <= LEVELS.indexOf(max);
}
function log(level, target, message, spans = '') {
  if (!enabled(level, target)) return;
  const micros = T0_US + (process.hrtime.bigint() - HR0) / 1000n;
  const ts = `${new Date(Number(micros / 1000n)).toISOString().slice(0, 23)}${String(micros % 1000n).padStart(3, '0')}Z`;
  const lvl = level.toUpperCase().padStart(5);
  process.stdout.write(`${ts} ${colour ? `\x1b[32m${lvl}\x1b[0m` : lvl} ${spans}${target}: ${message}\n`);
}
function fail(message, causes = [], code = 1) {
  const chain =
    causes.length === 1
      ? `\n\nCaused by:\n    ${causes[0]}`
      : causes.length
        ? `\n\nCaused by:\n${causes.map((c, i) => `    ${i}: ${c}`).join('\n')}`
        : '';
  process.stderr.write(`Error: ${message}${chain}\n`);
  process.exit(code);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- start-up ----
if (!/^[a-z]+(,[\w:]+=[a-z]+)*$/.test(opt('--log-level')) && !env.RUST_LOG)
  fail(`invalid --log-level "${opt('--log-level')}": invalid filter directive`);
const network = opts['--subtensor-chain-endpoint'] ?? opt('--network');
log('info', 'sn2_miner', `sn2-miner version="${env.STANDIN_VERSION ?? '14.6.0'}"`);
log('info', 'sn2_miner', `starting sn2-miner netuid=${opt('--netuid')} network=${opt('--network')}`);
if (env.STANDIN_EXIT_CODE) fail(env.STANDIN_ERROR ?? 'failure', [], Number(env.STANDIN_EXIT_CODE));
const externalIp = opts['--external-ip'];
if (externalIp !== undefined) {
  if (externalIp.includes(':'))
    fail(`external IP must be IPv4 (axon registration does not support IPv6): ${externalIp}`);
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(externalIp))
    fail('parsing --external-ip', ['invalid IP address syntax']);
}
const walletPath = opts['--wallet-path'] ?? join(env.HOME ?? homedir(), '.bittensor', 'wallets');
const hotkeyFile = join(walletPath, opt('--wallet-name'), 'hotkeys', opt('--wallet-hotkey'));
let hotkey;
try {
  const json = JSON.parse(readFileSync(hotkeyFile, 'utf8'));
  if (!json.secretPhrase && !json.secretSeed) throw new Error('no secretPhrase or secretSeed');
  hotkey = json.ss58Address;
} catch (e) {
  fail('loading wallet', [
    `loading hotkey: ${e.code === 'ENOENT' ? `Keyfile does not exist at path ${hotkeyFile}` : e.message}`,
  ]);
}
if (!opts['--loopback'] && env.STANDIN_REGISTERED === '0')
  fail(
    `hotkey ${hotkey} is not registered on subnet ${opt('--netuid')}. Register with: btcli subnets register --netuid ${opt('--netuid')} --network ${network}`,
  );
if (!opts['--loopback'] && externalIp === undefined)
  log(
    'warn',
    'sn2_miner',
    'external IP autodetection failed; skipping serve_axon for this boot error=detecting external IP via api4.ipify.org',
  );

const cache = (
  opts['--circuit-cache-dir'] ??
  env.SN2_CIRCUIT_CACHE_DIR ??
  join(homedir(), '.bittensor/subnet-2/circuit_cache')
).replace(/^~/, homedir());
log('info', 'sn2_miner::dsperse', `initialized DSperseClient cache_dir=${cache}`);
const modelDir = join(cache, `model_${MODEL}`);
if (!existsSync(join(modelDir, '.dslice_ready'))) {
  const total = Number(env.STANDIN_CIRCUIT_COMPONENTS ?? 120);
  log(
    'info',
    'sn2_circuit_store',
    `downloading composable model components model_id="${MODEL}" total=${total}`,
  );
  for (let k = 1; k <= total; k++) {
    await sleep(2);
    if (k % 50 === 0 || k === total)
      log(
        'info',
        'sn2_circuit_store',
        `composable model download progress model_id="${MODEL}" progress=${k} total=${total}`,
      );
  }
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(join(modelDir, '.dslice_ready'), '');
  log('info', 'sn2_circuit_store', `composable model download complete model_id="${MODEL}" total=${total}`);
}
log('info', 'sn2_circuit_store', `loaded circuit from API id="${MODEL}" name=Example Model v2`);
log('info', 'sn2_circuit_store', 'circuits loaded count=1');

// ---- the QUIC server: a real UDP bind of the port (§2.12) ----
const port = Number(opt('--axon-port'));
if (port === 0) fail('--axon-port must be non-zero');
const socket = dgram.createSocket('udp4');
await new Promise((resolve) => {
  socket.once('error', (e) =>
    fail(multi ? `starting QUIC server for ${hotkey} on port ${port}` : 'QUIC server', [
      'failed to bind QUIC endpoint',
      e.code === 'EADDRINUSE' ? 'Address already in use (os error 98)' : e.message,
    ]),
  );
  socket.bind(port, opts['--loopback'] ? opt('--axon-host') : '0.0.0.0', resolve);
});
const host = opts['--loopback'] ? opt('--axon-host') : '0.0.0.0';
if (opts['--loopback']) log('info', 'sn2_miner', `miner loopback running port=${port}`);
else if (!multi) log('info', 'sn2_miner', `miner running hotkey=${hotkey} quic_port=${port}`);
log(
  'info',
  'sn2_miner::lightning_server',
  `accepting handshakes from a single validator hotkey validator="${ADMITTED}"`,
);
for (const t of ['query-zk-proof', 'dsperse-proof-generation', 'proof-of-weights'])
  log(
    'info',
    'btlightning::server',
    `Registered async synapse handler for: ${t}`,
    `register_async_synapse_handler{synapse_type=${t}}: `,
  );
log(
  'info',
  'btlightning::server',
  `Starting Lightning QUIC server on ${host}:${port}`,
  `start{host=${host} port=${port}}: `,
);
log(
  'info',
  'btlightning::server',
  `QUIC endpoint created, listening on ${host}:${port}`,
  `start{host=${host} port=${port}}: `,
);
if (!multi)
  log('info', 'sn2_miner::lightning_server', `QUIC Lightning server listening host="${host}" port=${port}`);
else log('info', 'sn2_miner', `miner running hotkey=${hotkey} quic_port=${port}`);
log(
  'info',
  'btlightning::server',
  'Initial validator permit resolution: 1 permitted validators',
  'serve_forever: ',
);

// ---- signals (§2.8): the exit waits for the proof in flight ----
let inFlight = Promise.resolve();
let stopping = false;
const shutdown = (line) => {
  if (stopping) return;
  stopping = true;
  log('info', 'sn2_miner', line);
  void inFlight.then(() => process.exit(0));
};
process.on('SIGTERM', () => shutdown('received SIGTERM, shutting down miner'));
process.on('SIGINT', () => shutdown('shutting down miner'));

if (env.STANDIN_CRASH_AFTER_MS)
  setTimeout(() => {
    process.stderr.write(
      "thread 'tokio-runtime-worker' panicked at crates/sn2-miner/src/main.rs:1:1:\nstand-in panic\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
    );
    process.exit(101);
  }, Number(env.STANDIN_CRASH_AFTER_MS));
if (env.STANDIN_GARBAGE === '1') {
  process.stdout.write(Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x0a]));
  process.stdout.write('x'.repeat(1024 * 1024));
  process.stdout.write('\nnot a log line at all\n');
}
const flood = Number(env.STANDIN_FLOOD ?? 0);
if (flood > 0) {
  const perTick = Math.max(1, Math.round(flood / 100));
  setInterval(() => {
    for (let i = 0; i < perTick; i++)
      log('info', 'sn2_miner::dsperse', 'evicted idle compiled circuit bundles evicted=2');
  }, 10);
}

// ---- the admitted validator's requests (§3.5–3.6) ----
const requests = Number(env.STANDIN_REQUESTS ?? 0);
if (requests > 0) {
  log(
    'info',
    'btlightning::server::handshake',
    `Handshake successful, established connection: conn_${ADMITTED}_${Date.now()}`,
  );
  const failEvery = Number(env.STANDIN_FAIL_EVERY ?? 0);
  for (let n = 1; n <= requests && !stopping; n++) {
    await sleep(Number(env.STANDIN_REQUEST_INTERVAL_MS ?? 200));
    if (stopping) break;
    const slice = `slice_${n}`;
    log(
      'debug',
      'btlightning::server::dispatch',
      `Processing dsperse-proof-generation synapse from ${ADMITTED}`,
    );
    log(
      'info',
      'sn2_miner::handlers',
      `handling DSlice circuit="${MODEL}" slice="${slice}" component_sha="${'ab'.repeat(32)}"`,
    );
    log(
      'info',
      'sn2_miner::dsperse',
      `generating witness and proof circuit_id="${MODEL}" slice="${slice}" circuit_path=${modelDir}/slices/${slice}/jstprove/circuit.bundle`,
    );
    inFlight = sleep(Number(env.STANDIN_PROOF_MS ?? 50)).then(() => {
      if (failEvery > 0 && n % failEvery === 0)
        log(
          'error',
          'btlightning::server::dispatch',
          'Handler error for dsperse-proof-generation: witness generation failed: input shape mismatch',
        );
      else
        log(
          'info',
          'sn2_miner::dsperse',
          `witness and proof generated witness_size=${48000 + n} proof_size=${310000 + n} num_outputs=10 holographic=false`,
        );
    });
    await inFlight;
  }
}
setInterval(() => undefined, 1 << 30);
