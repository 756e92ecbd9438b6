// Main process: the core as the main process reaches it, one bridge envelope at a time (the same
// envelopes as the `sn2 ui` web bridge), whether the core runs in a utility process or, in tests, here.
import type { BridgeResponse } from '../core/contract/bridge.js';
import type { CoreEvent } from '../core/contract/index.js';

export interface CoreBridge {
  /** A raw envelope `{ command, input }`; never rejects: every outcome is a BridgeResponse. */
  dispatch(request: unknown): Promise<BridgeResponse>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}
