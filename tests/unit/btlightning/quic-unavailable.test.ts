import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * A platform without the native binary (linux-arm64, musl, win32-arm64): npm skips the optional package and the
 * library's import throws "Failed requiring possible native bindings" (@matrixai/quic dist/native/quiche.js).
 */
describe('QUIC library missing on this platform', () => {
  afterEach(() => {
    vi.doUnmock('@matrixai/quic');
    vi.resetModules();
  });

  it('the probe reports quic-unavailable in one sentence instead of throwing', async () => {
    vi.resetModules();
    vi.doMock('@matrixai/quic', () => {
      throw new Error('Failed requiring possible native bindings: @matrixai/quic-linux-arm64');
    });
    const { cryptoReady, Keypair } = await import('../../../core/bittensor/keys/index.js');
    await cryptoReady();
    const { probeQuic } = await import('../../../core/btlightning/probe.js');
    const result = await probeQuic({ host: '127.0.0.1', port: 9, signer: await Keypair.fromUri('//Bob') });
    expect(result).toMatchObject({ ok: false, reached: false, failure: { kind: 'quic-unavailable' } });
    expect(result.message).toMatch(
      /^QUIC is unavailable on this computer \(.+\): the native part of @matrixai\/quic did not load \(.+\); it ships for/,
    );
    expect(result.message).not.toContain('\n');
  });

  it('the doctor cannot check the local UDP port then, and says the miner is not affected', async () => {
    vi.resetModules();
    vi.doMock('@matrixai/quic', () => {
      throw new Error('Failed requiring possible native bindings: @matrixai/quic-linux-arm64');
    });
    const { cryptoReady } = await import('../../../core/bittensor/keys/index.js');
    await cryptoReady();
    const { probeQuic } = await import('../../../core/btlightning/probe.js');
    const { quicLocalCheck } = await import('../../../core/service/node-runtime/reachability-checks.js');
    const check = await quicLocalCheck(probeQuic, 8091, undefined, true);
    expect(check).toMatchObject({ id: 'quic-local', ok: false, skipped: true });
    expect(check.message).toMatch(/^QUIC is unavailable on this computer/);
    expect(check.fix).toMatch(/^the miner itself is not affected/);
  });
});
