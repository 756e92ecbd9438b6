import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError } from '../../../core/cli/context.js';

describe('describeError', () => {
  it('names the network failure behind a bare "fetch failed"', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND example.org'), {
      code: 'ENOTFOUND',
      hostname: 'example.org',
    });
    const err = new Error('x: download from https://example.org/x failed: fetch failed', {
      cause: new TypeError('fetch failed', { cause }),
    });
    expect(describeError(err)).toBe(
      'x: download from https://example.org/x failed: fetch failed (ENOTFOUND example.org: is this computer online?)',
    );
  });

  it('keeps one line, and lists a zod error’s issues instead of its JSON', () => {
    expect(describeError(new Error('first\nsecond'))).toBe('first');
    const parsed = z.object({ port: z.number() }).safeParse({ port: 'x' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeError(parsed.error)).toMatch(/^invalid value: port: /);
  });
});
