import type { CoreEvent } from '../contract/events.js';
import { errorMessage } from '../util/errors.js';
import type { ValidatorCounters } from './query-miner.js';
import type { ValidatorChain, ValidatorMetagraph } from './validator-ports.js';
import { weightGate, type WeightGateOptions } from './weights/weight-gate.js';
import { weightVector } from './weights/weight-vector.js';

export interface WeightsContext {
  netuid: number;
  ownUid: number;
  chain: ValidatorChain;
  gate?: WeightGateOptions;
  counters: ValidatorCounters;
  /** Re-reads the metagraph and returns it (the gate needs a fresh `last_update`). */
  syncMetagraph(): Promise<ValidatorMetagraph>;
  scores(): number[];
  emit(event: CoreEvent): void;
  log(level: 'debug' | 'warn', msg: string): void;
}

/** CR v2: reveal what is due first (a commit from before a restart included); say so when one is lost. */
async function revealDue(c: WeightsContext): Promise<void> {
  for (const r of await c.chain.revealPending()) {
    c.counters.weights.push({ ok: r.ok, block: r.block, detail: r.detail });
    c.emit({
      type: 'weights',
      ok: r.ok,
      block: r.block,
      uids: r.ok ? r.uids : [],
      method: 'reveal',
      detail: r.detail,
    });
    if (!r.ok) c.log('warn', `${r.detail}${r.final ? ': those weights never counted' : ''}`);
  }
}

/** §10: gate, vector with owner burn, submit; every attempt that passes the gate is an event. */
export async function setWeights(c: WeightsContext, force: boolean): Promise<void> {
  try {
    await revealDue(c);
  } catch (err) {
    c.emit({ type: 'weights', ok: false, uids: [], method: 'reveal', detail: errorMessage(err) });
  }
  try {
    const meta = await c.syncMetagraph();
    const me = meta.neurons[c.ownUid];
    const gate = weightGate(meta.block, me.lastUpdate, c.netuid, c.gate);
    if (!gate.ok && !force) {
      c.log('debug', `weights not set: ${gate.reason}`);
      return;
    }
    const n = meta.neurons.length;
    const ownerUid = meta.ownerHotkey
      ? meta.neurons.find((x) => x.hotkey === meta.ownerHotkey)?.uid
      : undefined;
    const weights = weightVector(c.scores(), n, ownerUid);
    const uids = meta.neurons.map((x) => x.uid);
    if (weights.every((w) => w === 0)) {
      c.counters.weights.push({ ok: false, detail: 'all scores are zero' });
      c.emit({
        type: 'weights',
        ok: false,
        uids: [],
        method: 'set_weights',
        detail: 'nothing to set: all scores are zero',
      });
      return;
    }
    const r = await c.chain.setWeights(uids, weights);
    c.counters.weights.push({ ok: true, block: r.block });
    c.emit({
      type: 'weights',
      ok: true,
      block: r.block,
      uids: uids.filter((u) => weights[u] > 0),
      method: r.method,
    });
  } catch (err) {
    c.counters.weights.push({ ok: false, detail: errorMessage(err) });
    c.emit({ type: 'weights', ok: false, uids: [], method: 'set_weights', detail: errorMessage(err) });
  }
}
