import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixtureOrSkip } from '../../helpers/shared.js';

const ciBefore = process.env.CI;
afterEach(() => {
  if (ciBefore === undefined) delete process.env.CI;
  else process.env.CI = ciBefore;
  vi.restoreAllMocks();
});

describe('a suite whose fixture is missing', () => {
  it('skips with a warning on a developer machine', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(fixtureOrSkip('the chain spec', '/nowhere/spec.json', undefined)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/nowhere/spec.json'));
  });

  it('fails the run under CI=true', () => {
    process.env.CI = 'true';
    expect(() => fixtureOrSkip('the chain spec', '/nowhere/spec.json')).toThrow(
      /the chain spec is missing \(tried \/nowhere\/spec.json\); CI must not skip/,
    );
  });

  it('returns the first existing candidate', () => {
    process.env.CI = 'true';
    expect(fixtureOrSkip('this file', undefined, '/nowhere', import.meta.filename)).toBe(
      import.meta.filename,
    );
  });
});

/** Every conditional skip in the tests goes through fixtureOrSkip (directly or via a helper built on it). */
describe('conditional skips', () => {
  it('are all fed by a helper that fails in CI', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) =>
      /\.(test|spec)\.tsx?$/.test(f),
    );
    const unguarded = files.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return /\.skipIf\(/.test(text) && !/fixtureOrSkip|fixtureSpecPath/.test(text);
    });
    expect(unguarded.map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});
