import { TESTNET_NETUID_PAIRS } from './circuit-selection.js';
import type { CircuitCatalog, ExternalCircuitInfo } from './types.js';

/** The part of a loaded circuit the listing needs; core/circuits' `Circuit` has this shape. */
export interface ListedCircuit {
  id: string;
  metadata: {
    name: string;
    description: string;
    author: string;
    version: string;
    proof_system: string;
    type: 'proof_of_weights' | 'proof_of_computation';
    netuid?: number | string | null;
    weights_version?: number | null;
  };
  timeoutMs: number;
}

/**
 * `GET /circuits` entries from the circuit store. `input_schema` comes from `inputSchema(id)` (the JSON
 * Schema of the circuit's input model; `{"type": "object"}` when a circuit has none). `testnet_netuids`
 * is derived from the mainnet ↔ testnet pairs of spec §13.
 */
export function circuitCatalog(
  source: { list(): readonly ListedCircuit[] },
  inputSchema: (circuitId: string) => Record<string, unknown> | undefined,
  /** The circuit's input check (core/circuits `validateInput`); throws on a bad input. */
  checkInput?: (circuitId: string, inputs: Record<string, unknown>) => unknown,
): CircuitCatalog {
  return {
    ...(checkInput
      ? { checkInput: (id: string, inputs: Record<string, unknown>) => void checkInput(id, inputs) }
      : {}),
    list: async () =>
      source.list().map((c): ExternalCircuitInfo => {
        const m = c.metadata;
        const netuid = m.netuid ?? null;
        const testnet = TESTNET_NETUID_PAIRS.filter(([main]) => main === netuid).map(([, t]) => t);
        return {
          id: c.id,
          name: m.name,
          description: m.description,
          author: m.author,
          version: m.version,
          type: m.type,
          proof_system: m.proof_system,
          netuid,
          testnet_netuids: testnet.length ? testnet : null,
          weights_version: m.weights_version ?? null,
          input_schema: inputSchema(c.id) ?? { type: 'object' },
          timeout_s: c.timeoutMs / 1000,
        };
      }),
  };
}
