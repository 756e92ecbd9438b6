import type { ApiPromise } from '@polkadot/api';
import { fetchMetagraph, type Metagraph } from './metagraph.js';

/**
 * The metagraph of one subnet, re-read at most every `maxAgeMs` (default one 12 s block), with
 * concurrent readers sharing one fetch; `subscribe` polls on that interval and pushes each update.
 */
export class MetagraphCache {
  private value?: { at: number; metagraph: Metagraph };
  private inflight?: Promise<Metagraph>;

  constructor(
    private readonly api: ApiPromise,
    readonly netuid: number,
    private readonly maxAgeMs = 12_000,
  ) {}

  async get(force = false): Promise<Metagraph> {
    if (!force && this.value && Date.now() - this.value.at < this.maxAgeMs) return this.value.metagraph;
    this.inflight ??= fetchMetagraph(this.api, this.netuid)
      .then((metagraph) => {
        this.value = { at: Date.now(), metagraph };
        return metagraph;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /** Call `listener` with a fresh metagraph now and after every refresh; returns the unsubscribe. */
  subscribe(
    listener: (metagraph: Metagraph) => void,
    onError: (err: unknown) => void = () => undefined,
  ): () => void {
    const tick = () => this.get(true).then(listener, onError);
    void tick();
    const timer = setInterval(tick, this.maxAgeMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
