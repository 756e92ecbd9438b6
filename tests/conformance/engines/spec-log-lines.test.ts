import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../../../core/engines/run/engine-signal.js';
import { parseLogRecord } from '../../../core/engines/run/log-record.js';
import { sharedPath } from '../../helpers/shared.js';

const spec = readFileSync(sharedPath('spec/sn2-2026.md'), 'utf8');

describe('sn2-miner log lines of spec sn2-2026.md §3', () => {
  it('classifies every line of the illustrative warm-cache run (§3.7) in order', () => {
    const block = spec.slice(spec.indexOf('Illustrative start of a single-miner'));
    const lines = block.split('\n').filter((l) => l.startsWith('2026-08-08T10:0'));
    expect(lines.length).toBe(16);
    const kinds = lines.map((l) => {
      const r = parseLogRecord(l);
      expect(r, l).not.toBeNull();
      return classifyRecord(r!).kind;
    });
    expect(kinds).toEqual([
      'version',
      'starting',
      'other', // initialized DSperseClient
      'circuitsLoaded',
      'running',
      'other', // accepting handshakes from a single validator hotkey
      'other', // Registered async synapse handler
      'other', // Starting Lightning QUIC server
      'listening',
      'listening',
      'other', // Initial validator permit resolution
      'axonPublished',
      'validatorConnected',
      'requestReceived',
      'proofStarted',
      'proofDone',
    ]);
  });

  it('reads the fields of the §3.7 lines exactly', () => {
    const signal = (l: string) => classifyRecord(parseLogRecord(l)!);
    const line = (n: string) =>
      spec.split('\n').find((l) => l.startsWith('2026-08-08T10:0') && l.includes(n))!;
    expect(signal(line('sn2-miner version'))).toEqual({ kind: 'version', version: '14.6.0' });
    expect(signal(line('miner running'))).toEqual({
      kind: 'running',
      hotkey: '5CcyqxXnJucaCnQQvvUg5EPzj1uoNAxACZvzArHw5aVDvgNH',
      port: 8091,
    });
    expect(signal(line('QUIC endpoint created'))).toEqual({ kind: 'listening', port: 8091 });
    expect(signal(line('Handshake successful'))).toEqual({
      kind: 'validatorConnected',
      validator: '5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J',
      connId: 'conn_5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J_1786183392004',
    });
    expect(signal(line('handling DSlice'))).toEqual({
      kind: 'requestReceived',
      synapse: 'dsperse-proof-generation',
      circuit: 'c9956a0e46738188c9956a0e46738188c9956a0e46738188c9956a0e46738188',
      slice: 'slice_3',
    });
    expect(signal(line('witness and proof generated'))).toEqual({
      kind: 'proofDone',
      witnessSize: 48213,
      proofSize: 310544,
      outputs: 10,
    });
    const t0 = parseLogRecord(line('handling DSlice'))!.at;
    const t1 = parseLogRecord(line('witness and proof generated'))!.at;
    expect(t1 - t0).toBeCloseTo(2749.308, 3);
  });

  it('classifies the example column of the §3.2–3.7 tables', () => {
    // Each table row: | Id | Level | Target | Message · fields | Example |; examples use shortened ids.
    const rows = spec
      .split('\n')
      .filter((l) => /^\| [SCLRHQPEKUX]\d+( \*\*BTL\*\*)? \|/.test(l))
      .map((l) => l.split(' | ').map((c) => c.trim()));
    const expected: Record<string, string> = {
      S1: 'version',
      S2: 'starting',
      S4: 'hotkeyUnregistered',
      S5: 'axonPublishProblem',
      C1: 'circuitsDownloading',
      C2: 'circuitsDownloading',
      C3: 'circuitsDownloading',
      C5: 'circuitReady',
      C6: 'circuitFailed',
      C7: 'repositoryUnreachable',
      C8: 'circuitsLoaded',
      C9: 'circuitFetchOnDemand',
      C10: 'circuitFailed',
      C11: 'circuitFailed',
      L4: 'listening',
      L5: 'listening',
      L8: 'running',
      L9: 'running',
      R1: 'axonPublished',
      R2: 'axonPublished',
      R3: 'axonPublishProblem',
      R4: 'axonPublishProblem',
      R5: 'axonPublishProblem',
      H1: 'validatorConnected',
      H2: 'handshakeRejected',
      H3: 'handshakeError',
      H4: 'handshakeError',
      H6: 'handshakeError',
      H7: 'handshakeError',
      H8: 'handshakeError',
      H9: 'validatorDisconnected',
      H10: 'handshakeError',
      H11: 'handshakeError',
      H12: 'handshakeError',
      Q0: 'requestFrom',
      Q1: 'requestReceived',
      Q2: 'requestReceived',
      Q3: 'requestReceived',
      P1: 'proofStarted',
      P2: 'proofStarted',
      P3: 'proofDone',
      E1: 'requestFailed',
      E2: 'requestFailed',
      E3: 'requestFailed',
      X1: 'stopping',
      X2: 'stopping',
      X3: 'stopping',
    };
    const seen: string[] = [];
    for (const cells of rows) {
      const id = cells[0].replace(/^\|\s*/, '').split(' ')[0];
      if (!(id in expected)) continue;
      const target =
        cells
          .find((c) => /^`[a-z0-9_:…]+`$/.test(c))
          ?.replace(/`/g, '')
          .replace('…', 'btlightning::server') ?? '';
      let example = cells[4].replace(/\s*\|$/, '');
      if (example === 'same') example = cells[3].split(' · ')[0];
      example = example
        .replace(/^`|`$/g, '')
        .split('` then `')
        .pop()!
        .split('`')[0]
        .replace(/\s*\+ `Caused by:`.*$/, '');
      if (example.startsWith('…')) continue; // rows whose example elides the message
      const withoutSpans = example.replace(/^(?:[a-z_]+\{[^}]*\}: )?(?:btlightning::server: )?/, '');
      const level = cells[1].includes('WARN')
        ? 'WARN'
        : cells[1].includes('ERROR')
          ? 'ERROR'
          : cells[1].includes('DEBUG')
            ? 'DEBUG'
            : 'INFO';
      const line = `2026-08-08T10:00:00.000001Z ${level.padStart(5)} ${target}: ${withoutSpans}`;
      const r = parseLogRecord(line);
      expect(r, line).not.toBeNull();
      expect(classifyRecord(r!).kind, `${id}: ${line}`).toBe(expected[id]);
      seen.push(id);
    }
    expect(seen.length).toBeGreaterThanOrEqual(40);
  });
});
