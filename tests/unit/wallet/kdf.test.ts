import { describe, expect, it } from 'vitest';
import {
  deriveNaclKey,
  detectKeyfileFormat,
  type KdfProgress,
} from '../../../core/bittensor/wallet/index.js';
import { canonicalToEd25519Form, ed25519FormToCanonical } from '../../../core/bittensor/keys/index.js';

describe('Argon2 worker', () => {
  it('can be cancelled: the promise rejects with the abort reason and progress stops', async () => {
    const controller = new AbortController();
    const seen: KdfProgress[] = [];
    const password = new TextEncoder().encode('pw');
    const pending = deriveNaclKey(password, {
      backend: 'hash-wasm',
      signal: controller.signal,
      onProgress: (p) => seen.push(p),
    });
    setTimeout(() => controller.abort(new Error('user cancelled')), 300);
    await expect(pending).rejects.toThrow('user cancelled');
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.length).toBe(count);
    expect(seen.every((p) => p.fraction < 1)).toBe(true);
    expect(password.every((b) => b === 0)).toBe(true);
  });

  it('an already aborted signal never starts a worker', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(deriveNaclKey(new Uint8Array([1]), { signal: controller.signal })).rejects.toThrow(
      'too late',
    );
  });
});

describe('format sniffing and secret forms', () => {
  it('names every keyfile format by its first bytes', () => {
    const b = (s: string) => new TextEncoder().encode(s);
    expect(detectKeyfileFormat(b(' {"a":"b"}'))).toBe('json');
    expect(detectKeyfileFormat(b('$NACL\x00\x01'))).toBe('nacl');
    expect(detectKeyfileFormat(b('$ANSIBLE_VAULT;1.1;AES256'))).toBe('ansible-vault');
    expect(detectKeyfileFormat(b('gAAAAABh'))).toBe('fernet');
    expect(detectKeyfileFormat(b('PK\x03\x04'))).toBe('unknown');
    expect(detectKeyfileFormat(new Uint8Array())).toBe('unknown');
  });

  it('ed25519 form ↔ canonical keeps the nonce half and rejects non-multiples of 8', () => {
    const canonical = new Uint8Array(64).map((_, i) => (i < 31 ? (i * 37) & 0xff : i === 31 ? 0x0f : i));
    const ed = canonicalToEd25519Form(canonical);
    expect(ed.subarray(32)).toEqual(canonical.subarray(32));
    expect(ed[0] & 7).toBe(0);
    expect(ed25519FormToCanonical(ed)).toEqual(canonical);
    const odd = new Uint8Array(ed);
    odd[0] |= 1;
    expect(() => ed25519FormToCanonical(odd)).toThrow(/multiple of 8/);
    const big = new Uint8Array(64).fill(0xff);
    expect(() => canonicalToEd25519Form(big)).toThrow(/too large/);
    expect(() => canonicalToEd25519Form(new Uint8Array(32))).toThrow(/64 bytes/);
  });
});
