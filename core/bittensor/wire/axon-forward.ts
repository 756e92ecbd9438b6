import { Reject } from './axon-reject.js';
import type { AttachHooks, AxonRequestEvent } from './axon-types.js';
import { parsePyJson } from './py-json.js';
import { pyFloatRepr } from './python-str.js';
import {
  bodyHash,
  createSynapse,
  parseSynapseJson,
  type SynapseDefinition,
  type SynapseOf,
} from './synapse.js';

// json.loads on bytes rejects invalid UTF-8; TextDecoder would otherwise substitute U+FFFD.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface Route {
  def: SynapseDefinition;
  hooks: AttachHooks<SynapseDefinition>;
}

export interface ForwardCall {
  route: Route;
  /** The synapse built from the headers (its `computed_body_hash` is checked against the body). */
  headerSynapse: SynapseOf<SynapseDefinition>;
  body: Buffer;
  peerIp: string;
  hotkey: string;
  timeoutS: number;
  /** Aborted when the axon stops. */
  stopping: AbortSignal;
  timings: AxonRequestEvent['timings'];
}

/**
 * The SDK's body step and forward: parse the body (500 on bad JSON or a body-hash mismatch), run the
 * subnet's forward under the request deadline (408 after `timeoutS`), return the reply synapse.
 */
export async function runForward(c: ForwardCall): Promise<SynapseOf<SynapseDefinition>> {
  const { def, hooks } = c.route;
  let synapse: SynapseOf<SynapseDefinition>;
  try {
    synapse = parseSynapseJson(def, parsePyJson(STRICT_UTF8.decode(c.body)));
  } catch (err) {
    throw new Reject(500, '', err);
  }
  const hash = bodyHash(def, synapse);
  if (hash !== c.headerSynapse.computed_body_hash) {
    throw new Reject(
      500,
      '',
      new Error(
        `Hash mismatch between header body hash ${c.headerSynapse.computed_body_hash} and parsed body hash ${hash}`,
      ),
    );
  }
  // The reply's status is the axon's to set (or the forward's), never the caller's.
  synapse.axon.status_code = null;
  synapse.axon.status_message = null;
  synapse.axon.process_time = null;

  const tf = performance.now();
  const timeoutMs = c.timeoutS * 1000;
  const stopping = c.stopping;
  // The deadline (timer + combined signal) is only built when the forward reads `signal` or
  // returns a promise: a synchronous forward can't outlive it, and building it costs as much as
  // the rest of a no-op request's JavaScript (docs/BENCHMARKS.md).
  let signal: AbortSignal | null = null;
  let timer: NodeJS.Timeout | undefined;
  const armDeadline = (): AbortSignal => {
    if (signal) return signal;
    const deadline = new AbortController();
    timer = setTimeout(
      () => deadline.abort(new Error('request timeout')),
      Math.max(0, timeoutMs - (performance.now() - tf)),
    );
    signal = AbortSignal.any([deadline.signal, stopping]);
    return signal;
  };
  const timeoutReject = () => new Reject(408, `Response timeout after: ${pyFloatRepr(c.timeoutS)}s`);
  try {
    const out = hooks.forward(synapse, {
      get signal() {
        return armDeadline();
      },
      peerIp: c.peerIp,
      hotkey: c.hotkey,
    });
    let result: unknown;
    if (isThenable(out)) {
      const sig = armDeadline();
      result = await Promise.race([
        Promise.resolve(out),
        new Promise<never>((_, reject) =>
          sig.addEventListener('abort', () => reject(timeoutReject()), { once: true }),
        ),
      ]);
      // A forward that returns only because it saw the abort still missed the deadline.
      if (sig.aborted) throw timeoutReject();
    } else {
      if (stopping.aborted) throw timeoutReject();
      result = out;
    }
    return createSynapse(def, result as never);
  } catch (err) {
    throw err instanceof Reject ? err : new Reject(500, '', err);
  } finally {
    clearTimeout(timer);
    c.timings.forwardMs = performance.now() - tf;
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (
    (typeof v === 'object' || typeof v === 'function') &&
    v !== null &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
