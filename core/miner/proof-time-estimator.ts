/** Exponentially weighted moving average of proof time per circuit (for early refusal). */
export class ProofTimeEstimator {
  private readonly ms = new Map<string, number>();
  constructor(private readonly alpha = 0.3) {}

  record(circuitId: string, ms: number): void {
    const prev = this.ms.get(circuitId);
    this.ms.set(circuitId, prev === undefined ? ms : prev + this.alpha * (ms - prev));
  }

  estimate = (circuitId: string): number | undefined => this.ms.get(circuitId);
}
