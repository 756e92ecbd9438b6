import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/react';
import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import type { CoreEvent, ProofLogEntry } from '../../../core/contract/index.js';
import { electronTransport } from './electron-transport.js';
import { takeTokenFromLocation } from './select-transport.js';
import { CoreCallError } from './transport.js';
import { ProofLogView } from '../components/ProofLogView.js';
import { proofLogToCsv } from '../components/proof-log-export.js';

function fakePreload(reply: unknown) {
  let listener: ((e: unknown) => void) | undefined;
  const api: Sn2PreloadApi = {
    invoke: vi.fn(async () => reply),
    onEvent: (l) => {
      listener = l;
      return () => undefined;
    },
  };
  return { api, push: (e: unknown) => listener?.(e) };
}

describe('electron transport', () => {
  it('returns the output of a successful command, checked against the contract', async () => {
    const { api } = fakePreload({
      ok: true,
      result: { version: '1.0.0', dataDir: '/d', platform: 'linux', arch: 'x64' },
    });
    await expect(electronTransport(api).invoke('app.info', {})).resolves.toMatchObject({ version: '1.0.0' });
  });

  it('throws the core error with its code', async () => {
    const { api } = fakePreload({
      ok: false,
      error: { code: 'unavailable', message: '"miner.start" is not available' },
    });
    const err = await electronTransport(api)
      .invoke('miner.start', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreCallError);
    expect(err).toMatchObject({ code: 'unavailable', command: 'miner.start' });
  });

  it('refuses a reply that does not match the contract', async () => {
    const { api } = fakePreload({ ok: true, result: { version: 1 } });
    await expect(electronTransport(api).invoke('app.info', {})).rejects.toThrow(
      /does not match the contract/,
    );
  });

  it('delivers valid events and drops malformed ones', () => {
    const { api, push } = fakePreload(null);
    const seen: CoreEvent[] = [];
    electronTransport(api).onEvent((e) => seen.push(e));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    push({ type: 'log', level: 'info', component: 'miner', msg: 'hi', at: 1 });
    push({ type: 'log', level: 'loud' });
    push('junk');
    expect(seen).toHaveLength(1);
  });
});

describe('web token', () => {
  it('moves the token from the URL fragment into session storage and out of the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc123');
    expect(takeTokenFromLocation(window)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(takeTokenFromLocation(window)).toBe('abc123');
  });
});

const entry = (i: number, status: ProofLogEntry['status'], circuit = 'c1'): ProofLogEntry => ({
  id: `p${i}`,
  at: 1_700_000_000_000 + i * 1000,
  role: 'miner',
  route: 'QueryZkProof',
  circuitId: circuit,
  circuitName: circuit === 'c1' ? 'Practice, "small"' : 'LSTM',
  validatorHotkey: `5Validator${i % 3}`,
  inputBytes: 100,
  totalMs: 100 + i,
  status,
});

describe('proof log', () => {
  const entries = Array.from({ length: 2000 }, (_, i) =>
    entry(i, i % 10 === 0 ? 'failed' : 'self-checked', i % 2 ? 'c1' : 'c2'),
  );

  it('renders only the visible rows of a long log and filters by status and circuit', () => {
    render(<ProofLogView entries={entries} role="miner" />);
    expect(screen.getByTestId('proof-count').textContent).toBe('2000 of 2000 proofs');
    expect(document.querySelectorAll('li[aria-posinset]').length).toBeLessThan(60);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    expect(screen.getByTestId('proof-count').textContent).toBe('200 of 2000 proofs');
    fireEvent.change(screen.getByLabelText('Circuit'), { target: { value: 'c1' } });
    expect(screen.getByTestId('proof-count').textContent).toBe('0 of 2000 proofs');
  });

  it('exports CSV with quoting', () => {
    const csv = proofLogToCsv([entry(1, 'verified')]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header.split(',')).toContain('circuitName');
    expect(row).toContain('"Practice, ""small"""');
  });
});
