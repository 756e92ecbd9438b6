import { describe, expect, it } from 'vitest';
import { lineSplitter, MAX_LINE, runTool } from '../../../core/provers/native/run-tool.js';

describe('runTool line splitting', () => {
  it('hands on a tool’s output without newlines in bounded pieces', async () => {
    const lines: string[] = [];
    const script = `process.stdout.write('x'.repeat(${MAX_LINE * 3 + 10})); process.stdout.write('\\nend\\n');`;
    const r = await runTool('node', process.execPath, ['-e', script], { onLine: (l) => lines.push(l) });
    expect(r.code).toBe(0);
    expect(lines.every((l) => l.length <= MAX_LINE)).toBe(true);
    expect(lines.join('')).toBe(`${'x'.repeat(MAX_LINE * 3 + 10)}end`);
    expect(lines.at(-1)).toBe('end');
  });

  it('splits on \\n, \\r\\n and a lone \\r (progress bars), and flushes the last partial line', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    s.push('a\r\nb\rc');
    s.push('d\ne');
    s.end();
    expect(lines).toEqual(['a', 'b', 'cd', 'e']);
    lines.length = 0;
    s.push(`${'y'.repeat(MAX_LINE * 2 + 5)}\nend\n`); // a long finished line in a single chunk
    expect(lines.map((l) => l.length)).toEqual([MAX_LINE, MAX_LINE, 5, 3]);
  });

  it('reports the signal that ended a process', async () => {
    const r = await runTool('node', process.execPath, ['-e', 'process.kill(process.pid, "SIGSEGV")']);
    expect(r).toMatchObject({ code: null, signal: 'SIGSEGV' });
  });
});
