// circom_runtime 0.1.28 (snarkjs 0.7.6's witness runtime) ships no types; this is the part of its
// js/witness_calculator.js we use.
declare module 'circom_runtime' {
  export interface WitnessCalculator {
    /** The witness in snarkjs's binary `.wtns` format (circom 2 circuits). */
    calculateWTNSBin(input: Record<string, unknown>, sanityCheck?: boolean): Promise<Uint8Array>;
  }
  export function WitnessCalculatorBuilder(
    code: Uint8Array,
    options?: { memorySize?: number },
  ): Promise<WitnessCalculator>;
}
