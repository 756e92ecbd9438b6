import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore } from '../../../core/service/settings-store.js';
import { killWhileWriting } from '../../helpers/kill-while-writing.js';

const writer = join(process.cwd(), 'tests/helpers/settings-writer.ts');

describe('settings survive kill -9 during writes', () => {
  it('every kill leaves a valid, loadable settings file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn2-kill-'));
    const file = join(dir, 'settings.json');
    for (const delay of [5, 23, 61, 97, 150]) {
      await killWhileWriting(writer, file, delay);
      const s = new SettingsStore(file).load();
      expect(s.axon.port).toBeGreaterThanOrEqual(2000);
      expect(s.wallet.name).toMatch(/^w\d+$/);
    }
    // Torn temp files may stay behind; the settings file itself is never one of them.
    expect(readdirSync(dir)).toContain('settings.json');
  }, 60_000);
});
