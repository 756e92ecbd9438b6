/**
 * Synapse definitions: the TypeScript form of a bittensor `Synapse` subclass.
 *
 * A definition is data, declared once per Python class:
 *
 * ```ts
 * import { defineSynapse, py, required, withDefault } from '../bittensor/wire/index.js';
 *
 * export const ExampleSynapse = defineSynapse('ExampleSynapse', {
 *   prompt: required(py.str),                          // no default ⇒ pydantic-required
 *   temperature: withDefault(py.float, 0.7),
 *   tags: withDefault(py.list(py.str), []),
 *   options: withDefault(py.dict(), new Map()),         // untyped `dict`
 *   completion: withDefault(py.optional(py.str), null),
 * }, { requiredHashFields: ['prompt', 'temperature', 'tags', 'options'] });
 *
 * type Example = SynapseOf<typeof ExampleSynapse>;    // base fields + typed subclass fields
 * const s = createSynapse(ExampleSynapse, { prompt: 'hi' });
 * ```
 *
 * * `name` is the Python class name: the route (`/ExampleSynapse`) and the forced `name` field.
 * * `fields` are the subclass fields **in declaration order** (JSON key order, header order). Each is
 *   `required(type)` or `withDefault(type, value)`; `{ frozen: true }` marks pydantic `frozen=True`.
 * * Types (`py.*`) carry the Python annotation and pydantic lax-mode coercion: `py.str`, `py.int`
 *   (bigint), `py.safeInt` (number), `py.float` (number), `py.bool`, `py.any`, `py.list(T?)`,
 *   `py.dict(T?)` (Map, keeps key order), `py.optional(T)`, `py.strEnum(...)`, `py.model(...)`.
 * * `requiredHashFields` is the class's `required_hash_fields` tuple, in tuple order (empty for
 *   every SN2 synapse, so their body hash is `EMPTY_BODY_HASH`).
 *
 * A synapse value is a plain object: the base fields (`name`, `timeout`, `total_size`,
 * `header_size`, `dendrite`, `axon`, `computed_body_hash`) followed by the subclass fields.
 */
import { bodyHashOf } from './body-hash.js';
import * as py from './py-types.js';
import {
  fieldsToPy,
  validateFields,
  type FieldsSpec,
  type ValuesOf,
  withDefault,
  SynapseValidationError,
} from './py-types.js';
import type { PyDict, PyValue } from './py-value.js';

export { py };
export { required, withDefault, SynapseValidationError } from './py-types.js';
export type { DefaultedField, FieldSpec, FieldsSpec, PyType, ValuesOf } from './py-types.js';

export interface SynapseDefinition<F extends FieldsSpec = FieldsSpec> {
  readonly name: string;
  readonly fields: F;
  readonly requiredHashFields: readonly string[];
}

export function defineSynapse<const F extends FieldsSpec>(
  name: string,
  fields: F,
  options: { requiredHashFields?: readonly (keyof F & string)[] } = {},
): SynapseDefinition<F> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new Error(`synapse name must be a Python class name: ${name}`);
  for (const f of Object.keys(fields)) {
    if (BASE_FIELD_NAMES.has(f)) throw new Error(`${name}.${f} shadows a base Synapse field`);
  }
  const requiredHashFields = options.requiredHashFields ?? [];
  for (const f of requiredHashFields) {
    if (!(f in fields)) throw new Error(`${name}: required_hash_fields names unknown field ${f}`);
  }
  return Object.freeze({ name, fields, requiredHashFields: Object.freeze([...requiredHashFields]) });
}

/** `bittensor.TerminalInfo`: ten optional fields in wire order. */
export const terminalInfoFields = {
  status_code: withDefault(py.castInt, null),
  status_message: withDefault(py.optional(py.str), null),
  process_time: withDefault(py.castFloat, null),
  ip: withDefault(py.optional(py.str), null),
  port: withDefault(py.castInt, null),
  version: withDefault(py.castInt, null),
  nonce: withDefault(py.castBigInt, null),
  uuid: withDefault(py.optional(py.str), null),
  hotkey: withDefault(py.optional(py.str), null),
  signature: withDefault(py.optional(py.str), null),
} as const;

export type TerminalInfo = ValuesOf<typeof terminalInfoFields>;
const terminalInfoType = py.model('TerminalInfo', terminalInfoFields);

export const emptyTerminalInfo = (): TerminalInfo => terminalInfoType.validate(new Map(), 'TerminalInfo');

// `Optional[TerminalInfo]`: a null from the wire becomes an empty one (nothing downstream handles None).
const terminalOrEmpty: py.PyType<TerminalInfo> = {
  pythonName: 'Optional[TerminalInfo]',
  validate: (v, path) =>
    v === null || v === undefined ? emptyTerminalInfo() : terminalInfoType.validate(v, path),
  toPy: terminalInfoType.toPy,
};

/** The base `Synapse` fields, in JSON key order. */
export const baseFields = {
  name: withDefault(py.optional(py.str), null),
  timeout: withDefault(py.castFloat, 12.0),
  total_size: withDefault(py.castBigInt, 0n),
  header_size: withDefault(py.castBigInt, 0n),
  dendrite: withDefault(terminalOrEmpty, emptyTerminalInfo()),
  axon: withDefault(terminalOrEmpty, emptyTerminalInfo()),
  computed_body_hash: withDefault(py.optional(py.str), '', { frozen: true }),
} as const;

const BASE_FIELD_NAMES = new Set(Object.keys(baseFields));

export type SynapseBase = ValuesOf<typeof baseFields>;
export type SynapseOf<D extends SynapseDefinition> = SynapseBase & ValuesOf<D['fields']>;
/** What `createSynapse` takes: required subclass fields, anything else optional. */
export type SynapseInit<D extends SynapseDefinition> = Partial<SynapseBase> & {
  [K in keyof D['fields'] as D['fields'][K] extends { default: unknown } ? never : K]: ValuesOf<
    D['fields']
  >[K];
} & Partial<ValuesOf<D['fields']>>;

/** The base `bittensor.Synapse` (the `/Synapse` ping route). */
export const BaseSynapse = defineSynapse('Synapse', {});

/**
 * `Class(**input)` with pydantic semantics: unknown keys ignored, missing required fields and
 * uncoercible values throw `SynapseValidationError`, `name` forced to the class name.
 */
export function parseSynapse<D extends SynapseDefinition>(
  def: D,
  input: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>,
): SynapseOf<D> {
  const base = validateFields(baseFields, input, def.name);
  base.name = def.name;
  const own = validateFields(def.fields, input, def.name);
  return { ...base, ...own } as SynapseOf<D>;
}

/** Builds a synapse from TypeScript values (what a validator does before a dendrite call). */
export function createSynapse<D extends SynapseDefinition>(def: D, init: SynapseInit<D>): SynapseOf<D> {
  return parseSynapse(def, init as Record<string, unknown>);
}

/** Parses a request/response body the way `Class(**json.loads(body))` does. */
export function parseSynapseJson<D extends SynapseDefinition>(def: D, body: PyValue): SynapseOf<D> {
  if (!(body instanceof Map)) {
    throw new SynapseValidationError(def.name, 'argument after ** must be a mapping');
  }
  return parseSynapse(def, body as Map<string, unknown>);
}

/** `synapse.model_dump()`: every field, base fields first, nested models as dicts. */
export function synapseToPy<D extends SynapseDefinition>(def: D, synapse: SynapseOf<D>): PyDict {
  const out = fieldsToPy(baseFields, synapse);
  for (const [k, v] of fieldsToPy(def.fields, synapse as ValuesOf<D['fields']>)) out.set(k, v);
  return out;
}

/** `synapse.body_hash` (bittensor-wire.md §5). */
export function bodyHash<D extends SynapseDefinition>(def: D, synapse: SynapseOf<D>): string {
  const s = synapse as Record<string, unknown>;
  return bodyHashOf(def.requiredHashFields.map((f) => def.fields[f].type.toPy(s[f])));
}

/** Names of the subclass fields without a default, in declaration order. */
export function requiredFieldNames(def: SynapseDefinition): string[] {
  return Object.entries(def.fields)
    .filter(([, spec]) => !spec.default)
    .map(([name]) => name);
}
