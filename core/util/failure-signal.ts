/** A once-only "this died, here is why" signal: the health hook of long-running nodes. */
export class FailureSignal {
  private reason: string | undefined;
  private readonly listeners = new Set<(reason: string) => void>();

  /** `listener` is called once: now if the failure already happened, else when it does. */
  onFailure(listener: (reason: string) => void): void {
    if (this.reason !== undefined) listener(this.reason);
    else this.listeners.add(listener);
  }

  /** The first reason wins; later ones are ignored. */
  fail(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const l of this.listeners) l(reason);
    this.listeners.clear();
  }
}
