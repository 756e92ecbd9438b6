import { describe, expect, it } from 'vitest';
import { decodeRejection } from '../../../core/chain/submit.js';

describe('decodeRejection', () => {
  it('maps custom validity codes from a substrate node and from chopsticks', () => {
    expect(decodeRejection(new Error('1010: Invalid Transaction: Custom error: 11'))).toMatchObject({
      reason: 'InvalidIpAddress',
      customCode: 11,
    });
    expect(decodeRejection(new Error('{"invalid":{"custom":12}}'))).toMatchObject({
      reason: 'ServingRateLimitExceeded',
      customCode: 12,
    });
    expect(decodeRejection(new Error('1010: Invalid Transaction: Custom error: 255')).message).toMatch(
      /not been started/,
    );
  });

  it('names the common pool failures', () => {
    expect(decodeRejection(new Error('1010: Invalid Transaction: Inability to pay some fees'))).toMatchObject(
      { reason: 'Payment' },
    );
    expect(decodeRejection(new Error('1014: Priority is too low'))).toMatchObject({
      reason: 'PriorityTooLow',
    });
    expect(decodeRejection(new Error('1010: Invalid Transaction: Transaction is outdated'))).toMatchObject({
      reason: 'Stale',
    });
  });
});
