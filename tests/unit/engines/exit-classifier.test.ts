import { describe, expect, it } from 'vitest';
import { anyhowReason, classifyExit, type ExitFacts } from '../../../core/engines/run/exit-classifier.js';

const base: ExitFacts = {
  code: 1,
  signal: null,
  requested: false,
  stderr: [],
  hotkeyFile: '/w/m/hotkeys/h',
  port: 8091,
};
const exit = (f: Partial<ExitFacts>) => classifyExit({ ...base, ...f });

describe('engine exit classification (spec sn2-2026.md §2.7)', () => {
  it('joins the anyhow chain into one line', () => {
    expect(
      anyhowReason([
        'Error: QUIC server',
        '',
        'Caused by:',
        '    0: failed to bind',
        '    1: Address already in use (os error 98)',
      ]),
    ).toBe('QUIC server: failed to bind: Address already in use (os error 98)');
  });

  it.each([
    [{ requested: true, code: 0 }, 'stopped', 'requested'],
    [{ requested: true, code: null, signal: 'SIGKILL' as const }, 'stopped', 'requested'],
    [{ code: 0 }, 'restart', 'unsolicited'],
    [
      { stderr: ['Error: loading wallet', '', 'Caused by:', '    loading hotkey: Keyfile does not exist'] },
      'halt',
      'wallet',
    ],
    [
      {
        stderr: [
          'Error: hotkey 5Abc is not registered on subnet 2. Register with: btcli subnets register --netuid 2 --network finney',
        ],
      },
      'halt',
      'not-registered',
    ],
    [
      { stderr: ['Error: none of the configured hotkeys is registered on subnet 2'] },
      'halt',
      'not-registered',
    ],
    [
      { stderr: ['Error: connecting to subtensor at wss://x timed out after 30s'] },
      'restart',
      'chain-unreachable',
    ],
    [
      { stderr: ['Error: QUIC server', 'Caused by:', '    Address already in use (os error 98)'] },
      'halt',
      'port-in-use',
    ],
    [{ stderr: ['Error: QUIC server task panicked'] }, 'restart', 'server-failed'],
    [
      { stderr: ['Error: external IP must be IPv4 (axon registration does not support IPv6): ::1'] },
      'halt',
      'config',
    ],
    [{ stderr: ['invalid --log-level "x": y'], code: 1 }, 'restart', 'unknown'],
    [{ code: 2, stderr: ["error: unexpected argument '--quic-port' found"] }, 'halt', 'flags'],
    [{ code: 101, stderr: ["thread 'main' panicked at src/main.rs:1:1:"] }, 'restart', 'panic'],
    [{ code: null, signal: 'SIGKILL' as const }, 'restart', 'killed'],
    [
      {
        code: 127,
        stderr: [
          'sn2-miner: error while loading shared libraries: libssl.so.3: cannot open shared object file',
        ],
      },
      'halt',
      'missing-library',
    ],
  ])('%j → %s (%s)', (facts, action, kind) => {
    const v = exit(facts);
    expect([v.action, v.kind]).toEqual([action, kind]);
    expect(v.message).not.toContain('\n');
  });

  it('says which file, which port and who holds it', () => {
    expect(exit({ stderr: ['Error: loading wallet'] }).message).toContain('/w/m/hotkeys/h');
    const port = exit({
      stderr: ['Error: QUIC server', 'Caused by:', '    Address already in use (os error 98)'],
      portHolder: 'node (pid 42)',
    });
    expect(port.message).toBe(
      'UDP port 8091 is already in use by node (pid 42): stop that program or choose another axon port in Settings',
    );
    expect(
      exit({ code: 127, stderr: ['x: error while loading shared libraries: libssl.so.3: cannot open'] })
        .message,
    ).toContain('OpenSSL 3');
  });
});
