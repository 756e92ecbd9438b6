import type { CircuitProver } from '../../../core/miner/circuit-prover.js';

/** The real prover with its `prove` calls counted (what reached the prover, not a stand-in). */
export function countingProver(inner: CircuitProver): { prover: CircuitProver; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    prover: {
      circuitName: (id) => inner.circuitName(id),
      canProve: (id) => inner.canProve(id),
      circuitIds: () => inner.circuitIds(),
      prove: (id, input, options) => {
        calls++;
        return inner.prove(id, input, options);
      },
      verify: inner.verify?.bind(inner),
    },
  };
}
