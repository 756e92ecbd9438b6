import { pyStr } from './python-str.js';
import { parsePyJson } from './py-json.js';
import { PyTuple, type PyValue } from './py-value.js';
import {
  bodyHash,
  parseSynapse,
  requiredFieldNames,
  terminalInfoFields,
  type SynapseDefinition,
  type SynapseOf,
  type TerminalInfo,
} from './synapse.js';

/** Header name/value pairs in emission order. Names are lower-case, as the Python dendrite requires. */
export type HeaderList = Array<[name: string, value: string]>;

const terminalNames = Object.keys(terminalInfoFields) as Array<keyof TerminalInfo>;

function terminalHeaders(prefix: string, t: TerminalInfo, out: HeaderList): void {
  for (const k of terminalNames) {
    const spec = terminalInfoFields[k].type as { toPy(v: unknown): PyValue };
    const v = spec.toPy(t[k]);
    if (v !== null) out.push([`${prefix}${k}`, pyStr(v)]);
  }
}

/** `json.dumps(type(value)())`: the empty value a Python dendrite sends for a required field. */
function emptyJsonOf(value: PyValue): string {
  if (typeof value === 'string') return '""';
  if (typeof value === 'bigint') return '0';
  if (typeof value === 'number') return '0.0';
  if (typeof value === 'boolean') return 'false';
  if (Array.isArray(value) || value instanceof PyTuple) return '[]';
  if (value instanceof Map) return '{}';
  throw new Error('cannot build an empty instance for bt_header_input_obj_');
}

/**
 * `Synapse.to_headers()`: `name`, `timeout`, non-null axon and dendrite terminal fields, one
 * `bt_header_input_obj_<f>` per required field with a non-null value, `header_size`,
 * `total_size`, and `computed_body_hash` recomputed over the synapse.
 */
export function toHeaders<D extends SynapseDefinition>(
  def: D,
  synapse: SynapseOf<D>,
  sizes: { headerSize: string; totalSize: string } = { headerSize: '0', totalSize: '0' },
): HeaderList {
  const out: HeaderList = [
    ['name', pyStr(synapse.name)],
    ['timeout', pyStr(synapse.timeout)],
  ];
  terminalHeaders('bt_header_axon_', synapse.axon, out);
  terminalHeaders('bt_header_dendrite_', synapse.dendrite, out);
  const s = synapse as Record<string, unknown>;
  for (const f of requiredFieldNames(def)) {
    const v = def.fields[f].type.toPy(s[f]);
    if (v === null) continue;
    out.push([`bt_header_input_obj_${f}`, Buffer.from(emptyJsonOf(v), 'utf8').toString('base64')]);
  }
  out.push(['header_size', sizes.headerSize], ['total_size', sizes.totalSize]);
  out.push(['computed_body_hash', bodyHash(def, synapse)]);
  return out;
}

/**
 * `Class.from_headers(headers)`: the synapse the Python axon builds before it reads the body.
 * Takes raw (name, value) pairs with lower-case names; throws `SynapseValidationError` when the
 * class cannot be built (e.g. a missing `bt_header_input_obj_*`), which the axon answers with 500.
 */
export function fromHeaders<D extends SynapseDefinition>(def: D, headers: HeaderList): SynapseOf<D> {
  const axon = new Map<string, string>();
  const dendrite = new Map<string, string>();
  const inputs = new Map<string, unknown>([
    ['axon', axon],
    ['dendrite', dendrite],
  ]);
  const first = new Map<string, string>();
  for (const [key, value] of headers) {
    if (!first.has(key)) first.set(key, value);
    if (key.includes('bt_header_axon_')) axon.set(key.split('bt_header_axon_')[1], value);
    else if (key.includes('bt_header_dendrite_')) dendrite.set(key.split('bt_header_dendrite_')[1], value);
    else if (key.includes('bt_header_input_obj')) {
      const field = key.split('bt_header_input_obj_')[1];
      if (field === undefined || inputs.has(field)) continue;
      try {
        inputs.set(field, parsePyJson(Buffer.from(value, 'base64').toString('utf8')));
      } catch {
        // Python logs and skips an undecodable input object; construction then fails if it was required.
      }
    }
  }
  for (const k of ['timeout', 'name', 'header_size', 'total_size', 'computed_body_hash']) {
    inputs.set(k, first.get(k) ?? null);
  }
  return parseSynapse(def, inputs);
}
