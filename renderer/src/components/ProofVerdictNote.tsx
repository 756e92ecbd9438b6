import type { ProofLogEntry } from '../../../core/contract/index.js';

/**
 * Under the miner's proof log: "self-checked" is the miner's own check of a proof it sent, not the
 * validator's verdict. In Practice the verdict is known here (the practice validator runs in this core);
 * on the network it is the incentive the chain gives.
 */
export function ProofVerdictNote({ practice, verdicts }: { practice: boolean; verdicts: ProofLogEntry[] }) {
  const verified = verdicts.filter((e) => e.status === 'verified').length;
  return (
    <p className="muted" data-testid="proof-verdict">
      <strong>served</strong>: your proof was sent; <strong>self-checked</strong>: your own check of it passed
      afterwards; <strong>proved</strong>: the 2026 engine made it. None of these is the validator&apos;s
      verdict.{' '}
      {practice ? (
        <>
          The practice validator&apos;s verdict: <strong>{verified}</strong> of {verdicts.length} proofs
          verified
          {verdicts.length === 0 ? ' (none judged yet)' : ''}.
        </>
      ) : (
        <>On the network the verdict is your incentive (Standing, above), set by validators on chain.</>
      )}
    </p>
  );
}
