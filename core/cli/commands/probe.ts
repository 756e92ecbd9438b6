import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { UserError } from '../../util/errors.js';
import { loadCliHotkey } from '../load-hotkey.js';
import { Keypair, publicKeyFromSs58 } from '../../bittensor/keys/index.js';
import { probeQuic, type QuicProbeResult } from '../../btlightning/probe.js';
import { parseTarget } from './query.js';

interface ProbeFlags {
  expectHotkey?: string;
  freshKey?: boolean;
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
  timeout: string;
  json?: boolean;
}

export function registerProbe(program: Command): void {
  const probe = program
    .command('probe')
    .description('Check that a miner can be reached over its transport, as a validator would reach it');
  probe
    .command('quic')
    .description(
      'One btlightning handshake (QUIC, UDP) as an SN2 2026 validator makes it; exits 1 when no handshake completes or the answer does not verify',
    )
    .argument(
      '<host:port>',
      'the miner, e.g. 203.0.113.5:8091 (its published IP and UDP port) or 127.0.0.1:8091',
    )
    .option(
      '--expect-hotkey <ss58>',
      'the miner hotkey that must answer (the one registered at that address)',
    )
    .option(
      '--fresh-key',
      'sign with a throw-away key instead of the wallet hotkey (nothing from the wallet is read)',
    )
    .option('--wallet.name <name>', 'wallet name (default: $BT_WALLET_NAME or "default")')
    .option('--wallet.hotkey <name>', 'hotkey name (default: $BT_WALLET_HOTKEY or "default")')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)')
    .option('--timeout <seconds>', 'QUIC connect timeout, and then the wait for the handshake reply', '10')
    .option('--json', 'machine-readable output')
    .action(async (target: string, o: ProbeFlags) => {
      const out = cliOutput(Boolean(o.json));
      const { ip, port } = parseTarget(target);
      const timeoutS = Number(o.timeout);
      if (!Number.isFinite(timeoutS) || timeoutS <= 0 || timeoutS > 60)
        throw new UserError(`--timeout must be a number of seconds in (0, 60], got "${o.timeout}"`);
      if (o.expectHotkey !== undefined) {
        try {
          publicKeyFromSs58(o.expectHotkey);
        } catch {
          throw new UserError(`--expect-hotkey is not an ss58 address: "${o.expectHotkey}"`);
        }
      }
      const signer = o.freshKey
        ? await Keypair.fromSeed(crypto.getRandomValues(new Uint8Array(32)))
        : await loadCliHotkey({ name: o['wallet.name'], hotkey: o['wallet.hotkey'], path: o['wallet.path'] });
      out.info(`btlightning handshake to ${target} (UDP), signed by ${signer.address}`);
      const result = await probeQuic({
        host: ip,
        port,
        signer,
        ...(o.expectHotkey ? { expectHotkey: o.expectHotkey } : {}),
        connectTimeoutMs: timeoutS * 1000,
        replyTimeoutMs: timeoutS * 1000,
      });
      out.result(result, () => describeProbe(result));
      if (!result.ok) process.exitCode = 1;
    });
}

export function describeProbe(r: QuicProbeResult): string {
  const ms = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(1)} ms`);
  const lines = [`${r.ok ? 'OK' : 'FAILED'}: ${r.message}`];
  if (r.reached) {
    lines.push(
      `  answer:       ${r.accepted ? 'accepted' : 'refused'}${r.accepted ? `, signature ${r.signatureValid ? 'valid' : 'INVALID'}, fingerprint ${r.fingerprintMatches ? 'matches' : 'DOES NOT MATCH'}` : ''}`,
      `  miner hotkey: ${r.minerHotkey || '(none: refused before authentication)'}${r.hotkeyMatches === false ? ' (not the expected one)' : ''}`,
    );
  }
  if (r.certFingerprint) lines.push(`  certificate:  ${r.certFingerprint} (base64 BLAKE2b-256 of its DER)`);
  lines.push(
    `  probe key:    ${r.probeHotkey}`,
    `  time:         ${r.at}; connect ${ms(r.timings.connectMs)}, handshake ${ms(r.timings.handshakeMs)}, total ${ms(r.timings.totalMs)}`,
  );
  return lines.join('\n');
}
