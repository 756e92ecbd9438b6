import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEngineManifest } from '../../../core/engines/installed-engine.js';
import { killWhileWriting } from '../../helpers/kill-while-writing.js';

const writer = join(process.cwd(), 'tests/helpers/engines/manifest-writer.ts');

describe('the engine manifest survives kill -9 during rollbacks', () => {
  it('every kill leaves a valid manifest naming both engines, whose files exist', async () => {
    const dataRoot = mkdtempSync(join(tmpdir(), 'sn2-engine-kill-'));
    for (const delay of [5, 23, 61, 97, 150]) {
      await killWhileWriting(writer, dataRoot, delay);
      const m = readEngineManifest(dataRoot);
      expect([m.active?.tag, m.previous?.tag].sort()).toEqual(['14.6.0', '14.7.0']);
      expect(existsSync(m.active?.path ?? '')).toBe(true);
      expect(existsSync(m.previous?.path ?? '')).toBe(true);
    }
  }, 60_000);
});
