import { describe, expect, it } from 'vitest';
import { proofLogStatus } from '../../../core/validator/proof-log-status.js';

const unverified = (failure: string) => ({ verified: false, failure });

describe('validator proof-log status', () => {
  it('is verified only for a verified proof', () => {
    expect(proofLogStatus({ status: 200, message: 'Success' }, { verified: true })).toEqual({
      status: 'verified',
    });
  });

  it('is timeout for a 408, from the miner or our own dendrite, with its message', () => {
    expect(
      proofLogStatus(
        { status: 408, message: 'Request timeout after 12.0 seconds' },
        unverified('no response'),
      ),
    ).toEqual({ status: 'timeout', error: '408 Request timeout after 12.0 seconds' });
    expect(proofLogStatus({ status: 408, message: null }, unverified('no response'))).toEqual({
      status: 'timeout',
      error: '408',
    });
  });

  it('is failed when the miner answered 200 but the proof does not verify', () => {
    expect(proofLogStatus({ status: 200, message: 'Success' }, unverified('proof did not verify'))).toEqual({
      status: 'failed',
      error: 'proof did not verify',
    });
  });

  it.each([
    [401, 'Not Verified with error: Signature mismatch'],
    [403, 'Forbidden. Key is blacklisted: Hotkey not registered.'],
    [404, "Synapse name 'QueryZkProof' not found."],
    [422, 'Failed to parse response: Expecting value'],
    [429, 'Too many requests from 127.0.0.1'],
    [500, 'Internal Server Error #1'],
    [503, 'Service unavailable at 127.0.0.1:1'],
  ])('is error for a %i, keeping the status and message', (status, message) => {
    expect(proofLogStatus({ status, message }, unverified('no response'))).toEqual({
      status: 'error',
      error: `${status} ${message}`,
    });
  });

  it('is error with the reason when nothing could be sent', () => {
    expect(
      proofLogStatus({ status: 0, message: 'no axon address on chain' }, unverified('no response')),
    ).toEqual({ status: 'error', error: 'no axon address on chain' });
  });

  it('is error for a reply without a status code (the SDK leaves it None)', () => {
    expect(proofLogStatus({ status: 0, message: null }, unverified('no response'))).toEqual({
      status: 'error',
      error: 'the reply carried no status code (not a valid synapse)',
    });
  });
});
