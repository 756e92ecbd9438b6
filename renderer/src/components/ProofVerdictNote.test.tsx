import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ProofLogEntry, ProofStatus } from '../../../core/contract/index.js';
import { ProofVerdictNote } from './ProofVerdictNote.js';
import { ProofLogView } from './ProofLogView.js';

afterEach(cleanup);

const entry = (i: number, role: ProofLogEntry['role'], status: ProofStatus): ProofLogEntry => ({
  id: `${role}${i}`,
  at: i,
  role,
  route: 'QueryZkProof',
  circuitId: 'c',
  circuitName: 'c',
  inputBytes: 1,
  totalMs: 5,
  status,
});

describe("the miner's proof log names what the miner knows", () => {
  it('offers served and self-checked, never verified, as miner statuses', () => {
    render(<ProofLogView entries={[entry(1, 'miner', 'self-checked')]} role="miner" />);
    const options = [...(screen.getByLabelText('Status') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual([
      '',
      'served',
      'self-checked',
      'proved',
      'failed',
      'rejected',
      'timeout',
      'error',
    ]);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'self-checked' } });
    expect(screen.getByTestId('proof-count').textContent).toBe('1 of 1 proofs');
  });

  it("shows the practice validator's verdict, known locally", () => {
    const verdicts = [entry(1, 'validator', 'verified'), entry(2, 'validator', 'failed')];
    render(<ProofVerdictNote practice verdicts={verdicts} />);
    expect(screen.getByTestId('proof-verdict').textContent).toContain(
      "The practice validator's verdict: 1 of 2 proofs verified.",
    );
  });

  it('on the network, points to the incentive as the verdict', () => {
    render(<ProofVerdictNote practice={false} verdicts={[]} />);
    expect(screen.getByTestId('proof-verdict').textContent).toMatch(
      /None of these is the validator's verdict.*incentive/,
    );
  });
});
