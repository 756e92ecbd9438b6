import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, cryptoReady } from '../../../core/bittensor/keys/index.js';
import { probeQuic } from '../../../core/btlightning/probe.js';
import { startBtlightningServer, type RunningBtlightningServer } from '../../helpers/btlightning-server.js';

/** Keys of btlightning.json `test_keys` and the admitted validator of spec §2.13. */
const MINER_SEED = '01'.repeat(32);
const VALIDATOR_SEED = '02'.repeat(32);
const ADMITTED = '5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J';

let miner: Keypair;
let validator: Keypair;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  await cryptoReady();
  miner = await Keypair.fromSeed(Buffer.from(MINER_SEED, 'hex'));
  validator = await Keypair.fromSeed(Buffer.from(VALIDATOR_SEED, 'hex'));
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function server(options: Partial<Parameters<typeof startBtlightningServer>[0]> = {}) {
  const lines: string[] = [];
  const s = await startBtlightningServer({
    miner,
    log: (level, _t, m) => lines.push(`${level} ${m}`),
    ...options,
  });
  cleanups.push(() => s.close());
  return { s, lines };
}

const probe = (s: RunningBtlightningServer, extra: Partial<Parameters<typeof probeQuic>[0]> = {}) =>
  probeQuic({ host: s.host, port: s.port, signer: validator, replyTimeoutMs: 3_000, ...extra });

describe('sn2 probe quic against a btlightning server on loopback', () => {
  it('accepted: the miner signs over our view of its certificate and names the expected hotkey', async () => {
    const { s, lines } = await server();
    const result = await probe(s, { expectHotkey: miner.address });
    expect(result).toMatchObject({
      ok: true,
      reached: true,
      accepted: true,
      minerHotkey: miner.address,
      certFingerprint: s.certFingerprint,
      fingerprintMatches: true,
      signatureValid: true,
      hotkeyMatches: true,
      probeHotkey: validator.address,
    });
    expect(result.connectionId).toMatch(new RegExp(`^conn_${validator.address}_\\d+$`));
    expect(result.timings.handshakeMs).toBeGreaterThan(0);
    expect(lines).toContain(`INFO Handshake successful, established connection: ${result.connectionId}`);
  });

  it('refused: a miner that admits only its validator answers unsigned with its own hotkey (the success signal)', async () => {
    const { s, lines } = await server({ admitted: [ADMITTED] });
    const result = await probe(s, { expectHotkey: miner.address });
    expect(result).toMatchObject({
      ok: true,
      reached: true,
      accepted: false,
      minerHotkey: miner.address,
      signatureValid: false,
      hotkeyMatches: true,
      connectionId: null,
    });
    expect(result.message).toMatch(/is reachable: miner .* refused the probe's key/);
    expect(lines).toContain(
      `WARN Handshake rejected: hotkey ${validator.address} does not hold a validator permit`,
    );
  });

  it('another miner at the address: reached, but not ok', async () => {
    const { s } = await server({ admitted: [ADMITTED] });
    const result = await probe(s, { expectHotkey: validator.address });
    expect(result).toMatchObject({ ok: false, reached: true, hotkeyMatches: false });
    expect(result.message).toContain(`refused the handshake`);
  });

  it('wrong fingerprint: an accepted reply signed for another certificate is not trusted', async () => {
    const { s } = await server({ wrongFingerprint: true });
    const result = await probe(s);
    expect(result).toMatchObject({ ok: false, reached: true, accepted: true, fingerprintMatches: false });
    expect(result.message).toMatch(/signed for certificate .* but its TLS certificate is/);
  });

  it('impostor: an accepted reply naming the miner but signed by another key does not verify', async () => {
    const { s } = await server({ impostorKey: await Keypair.fromUri('//Eve') });
    const result = await probe(s, { expectHotkey: miner.address });
    expect(result).toMatchObject({
      ok: false,
      reached: true,
      accepted: true,
      fingerprintMatches: true,
      signatureValid: false,
      hotkeyMatches: true,
    });
    expect(result.message).toBe(
      `${s.host}:${s.port}: the miner's signature does not verify under ${miner.address}`,
    );
  });

  it('clock skew: the server refuses a request older than 300 s and logs why', async () => {
    const { s, lines } = await server({ now: () => Math.floor(Date.now() / 1000) + 400 });
    const result = await probe(s, { expectHotkey: miner.address });
    expect(result).toMatchObject({ reached: true, accepted: false, minerHotkey: miner.address });
    expect(lines.some((l) => l.startsWith('ERROR Signature timestamp too old:'))).toBe(true);
    expect(lines).toContain('ERROR Handshake failed: invalid signature');
  });

  it('no-reply: QUIC connects but the server never answers the handshake', async () => {
    const { s } = await server({ silent: true });
    const result = await probe(s, { replyTimeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, reached: false, certFingerprint: s.certFingerprint });
    expect(result.failure?.kind).toBe('no-reply');
  });

  it('timeout: nothing answers QUIC on the UDP port', async () => {
    const sink: Socket = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => sink.close(() => resolve())));
    const result = await probeQuic({
      host: '127.0.0.1',
      port: sink.address().port,
      signer: validator,
      connectTimeoutMs: 800,
    });
    expect(result).toMatchObject({ ok: false, reached: false, certFingerprint: null });
    expect(result.failure?.kind).toBe('timeout');
    expect(result.message).toMatch(/no QUIC answer from 127\.0\.0\.1:\d+ within 800 ms/);
  });
});
