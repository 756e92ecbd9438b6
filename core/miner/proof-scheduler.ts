/** Refusal of a request that cannot be served in time or would exceed a queue limit. */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
  constructor(
    readonly reason: 'queue-full' | 'validator-queue-full' | 'cannot-finish-in-time' | 'stopped' | 'paused',
    message: string,
  ) {
    super(message);
  }
}

export interface SchedulerOptions {
  /** Proofs run at once (the prover pool's size). */
  concurrency: number;
  /** Waiting requests in total. */
  maxQueued?: number;
  /** Waiting + running requests per validator hotkey. */
  maxPerValidator?: number;
  /** Estimated proof time of a circuit in ms (undefined until one has been measured). */
  estimateMs?: (circuitId: string) => number | undefined;
}

export interface ScheduleRequest {
  hotkey: string;
  stake: number;
  circuitId: string;
  /** Absolute ms (performance.now() clock) by which the reply must be sent. */
  deadline: number;
}

interface Waiting extends ScheduleRequest {
  seq: number;
  start: () => void;
  refuse: (err: RequestRefusedError) => void;
}

/**
 * Admission and ordering of proof work on the miner. Up to `concurrency` proofs run at once. When a
 * slot frees up the next job comes from the validator with the fewest jobs running, then the one served
 * longest ago (round robin, so a flood from one hotkey cannot starve the others), then by stake
 * (stake-ordered priority among validators not served yet), then arrival. A
 * request is refused at once when its validator or the whole queue is full, or when the expected
 * wait plus proof time already passes its deadline (a late answer scores like no answer).
 */
export class ProofScheduler {
  private readonly waiting: Waiting[] = [];
  private readonly running = new Map<string, number>();
  private readonly lastStarted = new Map<string, number>();
  private active = 0;
  private seq = 0;
  private stopped = false;
  private pausedFor: string | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  /** Why new work is refused for now (e.g. the user is at the computer), or undefined. */
  get pausedReason(): string | undefined {
    return this.pausedFor;
  }

  /** Refuse new requests with `reason` until resume(); admitted ones (running or queued) carry on. */
  pause(reason: string): void {
    this.pausedFor = reason;
  }

  resume(): void {
    this.pausedFor = undefined;
  }

  get stats(): { running: number; queued: number } {
    return { running: this.active, queued: this.waiting.length };
  }

  /** Resolves with a release function once the job may start; rejects with RequestRefusedError. */
  acquire(req: ScheduleRequest): Promise<() => void> {
    if (this.stopped) return Promise.reject(new RequestRefusedError('stopped', 'the miner is stopping'));
    if (this.pausedFor) return Promise.reject(new RequestRefusedError('paused', this.pausedFor));
    const perValidator =
      (this.running.get(req.hotkey) ?? 0) + this.waiting.filter((w) => w.hotkey === req.hotkey).length;
    if (perValidator >= (this.o.maxPerValidator ?? 4))
      return Promise.reject(
        new RequestRefusedError('validator-queue-full', `too many requests in flight from ${req.hotkey}`),
      );
    if (this.active >= this.o.concurrency && this.waiting.length >= (this.o.maxQueued ?? 64))
      return Promise.reject(new RequestRefusedError('queue-full', 'the proof queue is full'));
    const estimate = this.o.estimateMs?.(req.circuitId);
    if (estimate !== undefined) {
      const wait = this.expectedWaitMs(estimate);
      if (performance.now() + wait + estimate > req.deadline)
        return Promise.reject(
          new RequestRefusedError(
            'cannot-finish-in-time',
            `cannot finish before the timeout: ~${Math.round(wait)} ms queue + ~${Math.round(estimate)} ms proof`,
          ),
        );
    }
    return new Promise((resolve, reject) => {
      const release = () => this.release(req.hotkey);
      this.waiting.push({ ...req, seq: this.seq++, start: () => resolve(release), refuse: reject });
      this.pump();
    });
  }

  /** Jobs ahead of a new one, spread over the slots, times a proof. */
  private expectedWaitMs(estimate: number): number {
    const ahead = this.waiting.length + this.active - this.o.concurrency + 1;
    return ahead <= 0 ? 0 : Math.ceil(ahead / this.o.concurrency) * estimate;
  }

  private pump(): void {
    while (this.active < this.o.concurrency && this.waiting.length > 0) {
      const next = this.pickNext();
      this.waiting.splice(this.waiting.indexOf(next), 1);
      if (performance.now() >= next.deadline) {
        next.refuse(new RequestRefusedError('cannot-finish-in-time', 'the request timed out in the queue'));
        continue;
      }
      this.active++;
      this.running.set(next.hotkey, (this.running.get(next.hotkey) ?? 0) + 1);
      this.lastStarted.set(next.hotkey, this.seq++);
      next.start();
    }
  }

  private pickNext(): Waiting {
    const key = (w: Waiting) => [
      this.running.get(w.hotkey) ?? 0,
      this.lastStarted.get(w.hotkey) ?? -1,
      -w.stake,
      w.seq,
    ];
    let best = this.waiting[0];
    let bestKey = key(best);
    for (const w of this.waiting) {
      const k = key(w);
      const i = k.findIndex((v, j) => v !== bestKey[j]);
      if (i >= 0 && k[i] < bestKey[i]) {
        best = w;
        bestKey = k;
      }
    }
    return best;
  }

  private release(hotkey: string): void {
    this.active--;
    const n = (this.running.get(hotkey) ?? 1) - 1;
    if (this.lastStarted.size > 10_000) this.lastStarted.clear();
    if (n <= 0) this.running.delete(hotkey);
    else this.running.set(hotkey, n);
    this.pump();
  }

  /** Refuse everything waiting; running jobs finish. */
  stop(): void {
    this.stopped = true;
    for (const w of this.waiting.splice(0))
      w.refuse(new RequestRefusedError('stopped', 'the miner is stopping'));
  }
}
