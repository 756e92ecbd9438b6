import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { terminalConfirm } from '../../../core/cli/terminal-confirm.js';

const change = { tool: 'ezkl', path: '/opt/ezkl', previous: '/usr/bin/ezkl' };

function tty(isTTY = true) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  return { terminal: { input, output }, input, printed: () => printed };
}

describe('sn2 ui: confirming a native path on its terminal', () => {
  it('asks y/N naming the path, and only "y" or "yes" allows it', async () => {
    for (const [answer, allowed] of [
      ['y', true],
      ['YES', true],
      ['', false],
      ['n', false],
      ['yep', false],
    ] as const) {
      const t = tty();
      const confirmed = terminalConfirm(t.terminal)(change);
      await new Promise((r) => setImmediate(r));
      t.input.write(`${answer}\n`);
      expect(await confirmed).toBe(allowed);
      expect(t.printed()).toMatch(
        /run \/opt\/ezkl as ezkl \(instead of \/usr\/bin\/ezkl\).*Allow\? \[y\/N\]/,
      );
    }
  });

  it('refuses without a terminal and says which command to use instead', async () => {
    await expect(terminalConfirm(tty(false).terminal)(change)).rejects.toThrow(
      /no terminal to confirm.*sn2 ezkl use <path>.*sn2 provers use/,
    );
  });

  it('asks one question at a time', async () => {
    const t = tty();
    const confirm = terminalConfirm(t.terminal);
    const first = confirm(change);
    const second = confirm({ tool: 'rapidsnark', path: '/opt/prover' });
    await new Promise((r) => setImmediate(r));
    expect(t.printed()).not.toMatch(/rapidsnark/);
    t.input.write('y\n');
    expect(await first).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(t.printed()).toMatch(/run \/opt\/prover as rapidsnark/);
    t.input.write('n\n');
    expect(await second).toBe(false);
  });
});
