import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureOutputDir, readJsonFile } from '../../../core/cli/files.js';

const dir = mkdtempSync(join(tmpdir(), 'sn2-cli-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readJsonFile', () => {
  it('says in words what is wrong with the path or its content, on one line', () => {
    expect(() => readJsonFile(join(dir, 'nope.json'), 'input file')).toThrow(
      /input file .*nope.json does not exist$/,
    );
    expect(() => readJsonFile(dir, 'input file')).toThrow(/is a folder, not a file$/);
    expect(() => readJsonFile(join(file('f', '{}'), 'x.json'), 'input file')).toThrow(
      /is not under a folder/,
    );
    let message = '';
    try {
      readJsonFile(file('bad.json', 'not json\nat all\n'), 'proof file');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^proof file .*bad.json is not valid JSON \(/);
    expect(message).not.toContain('\n');
    expect(readJsonFile(file('ok.json', '{"a":1}'), 'input file')).toEqual({ a: 1 });
  });
});

describe('ensureOutputDir', () => {
  it('creates a missing folder and refuses a file', () => {
    ensureOutputDir(join(dir, 'out', 'deep'), '--out');
    expect(() => ensureOutputDir(join(dir, 'out', 'deep'), '--out')).not.toThrow();
    expect(() => ensureOutputDir(file('plain', 'x'), '--out')).toThrow(
      /--out .*plain is a file, not a folder/,
    );
  });
});
