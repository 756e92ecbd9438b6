import type { JsCallback } from '@acala-network/chopsticks-core';
import { loadChopsticksCore } from './load-chopsticks.js';

export type Hex = `0x${string}`;

export class RuntimeCallError extends Error {
  override readonly name = 'RuntimeCallError';
}

/**
 * Execute one runtime API method of `code` against an in-memory storage map with chopsticks-core's
 * WASM executor. Unresolved host imports are allowed: 2025+ subtensor runtimes import BLS12-381
 * host functions that chopsticks lacks but that genesis building and slot queries never call.
 */
export async function callRuntime(
  code: Hex,
  method: string,
  args: Hex,
  storage: ReadonlyMap<string, string> = new Map(),
): Promise<{ result: Hex; storageDiff: Array<[Hex, Hex | null]> }> {
  const { emptyTaskHandler, runTask } = await loadChopsticksCore();
  const keys = () => [...storage.keys()].sort();
  const callback: JsCallback = {
    ...emptyTaskHandler,
    getStorage: async (key) => storage.get(key),
    getNextKey: async (prefix, key) => keys().find((k) => k.startsWith(prefix) && k > key),
  };
  const response = await runTask(
    {
      wasm: code,
      calls: [[method, [args]]],
      mockSignatureHost: false,
      allowUnresolvedImports: true,
      runtimeLogLevel: 0,
    },
    callback,
  );
  if ('Error' in response) throw new RuntimeCallError(`${method} failed in the runtime: ${response.Error}`);
  return { result: response.Call.result, storageDiff: response.Call.storageDiff };
}
