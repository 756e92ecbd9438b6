import { describe, expect, it } from 'vitest';
import { externalApiSettingsPatch } from '../../../core/validator/api/cli-options.js';

describe('sn2 validate --whitelisted-public-keys', () => {
  it('names the bad key without an "Error:" prefix from String(err)', () => {
    let message = '';
    try {
      externalApiSettingsPatch({ whitelistedPublicKeys: ['abc'] });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^--whitelisted-public-keys: not an ss58 address or public key \(.*abc/);
    expect(message).not.toContain('(Error:');
  });
});
