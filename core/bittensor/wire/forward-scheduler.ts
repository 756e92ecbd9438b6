/** The axon is at capacity: its wait queue is full. */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
}

/** The request waited past its deadline. */
export class QueueTimeoutError extends Error {
  override readonly name = 'QueueTimeoutError';
}

interface Waiter {
  priority: number;
  seq: number;
  grant: (release: () => void) => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

/**
 * At most `concurrency` forwards run at once; the rest wait in a bounded queue served highest
 * priority first (the subnet's priority hook, usually the caller's stake), FIFO among equals.
 */
export class ForwardScheduler {
  private running = 0;
  private seq = 0;
  private readonly heap: Waiter[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueue: number,
  ) {}

  get queued(): number {
    return this.heap.length;
  }

  get active(): number {
    return this.running;
  }

  /** Resolves with a release function once a slot is free; rejects when full or after `waitMs`. */
  acquire(priority: number, waitMs: number): Promise<() => void> {
    if (this.running < this.concurrency && !this.heap.length) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.heap.length >= this.maxQueue) {
      return Promise.reject(new QueueFullError(`Axon busy: ${this.heap.length} requests already waiting`));
    }
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        priority: Number.isFinite(priority) ? priority : 0,
        seq: this.seq++,
        grant: resolve,
        done: false,
        timer: setTimeout(
          () => {
            w.done = true;
            this.remove(w);
            reject(new QueueTimeoutError('queue wait timed out'));
          },
          Math.max(0, waitMs),
        ),
      };
      this.push(w);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.next();
    };
  }

  private next(): void {
    while (this.running < this.concurrency && this.heap.length) {
      const w = this.pop();
      if (w.done) continue;
      w.done = true;
      clearTimeout(w.timer);
      this.running++;
      w.grant(this.releaser());
    }
  }

  // Binary max-heap on (priority, -seq).
  private before(a: Waiter, b: Waiter): boolean {
    return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
  }

  private push(w: Waiter): void {
    const h = this.heap;
    h.push(w);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Waiter {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Waiter;
    if (h.length) {
      h[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.before(h[l], h[m])) m = l;
      if (r < h.length && this.before(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }

  private remove(w: Waiter): void {
    const i = this.heap.indexOf(w);
    if (i < 0) return;
    const last = this.heap.pop() as Waiter;
    if (i < this.heap.length) {
      this.heap[i] = last;
      this.siftDown(i);
      // the moved element may also need to go up
      let j = i;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!this.before(this.heap[j], this.heap[p])) break;
        [this.heap[j], this.heap[p]] = [this.heap[p], this.heap[j]];
        j = p;
      }
    }
  }
}
