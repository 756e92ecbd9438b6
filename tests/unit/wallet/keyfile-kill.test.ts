import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readKeyfile, writeSecretKeyfile } from '../../../core/bittensor/wallet/index.js';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { killWhileWriting } from '../../helpers/kill-while-writing.js';

const writer = join(process.cwd(), 'tests/unit/wallet/keyfile-writer.ts');
const dir = mkdtempSync(join(tmpdir(), 'sn2-keyfile-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keyfile writes survive kill -9', () => {
  it('every kill leaves a complete 0600 keyfile of one of the two keys', async () => {
    const file = join(dir, 'hotkeys', 'default');
    const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
    const bob = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
    // The file exists before the first kill: each kill must leave the old or the new content, never a torn file.
    await writeSecretKeyfile(file, await Keypair.fromUri('//Alice'));
    for (const delay of [7, 31, 83, 149]) {
      await killWhileWriting(writer, file, delay);
      const key = await readKeyfile(file, 'hotkey', { onWarning: (m) => expect.fail(m) });
      expect(key.kind).toBe('secret');
      expect([alice, bob]).toContain(key.kind === 'secret' ? key.keypair.address : '');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  }, 90_000);
});
