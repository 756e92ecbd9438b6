import { dumpPyJson, fromPlain, PYTHON_DUMPS } from '../bittensor/wire/index.js';

/**
 * Python's `json.dumps(value, sort_keys=…)` of JSON-shaped JS data, as upstream hashes and encodes inputs
 * (§5.7, §3.2): the value is read as `json.loads(JSON.stringify(value))` would (integral numbers are ints),
 * then written by the wire's one Python-JSON serialiser.
 */
export function pythonJsonDumps(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return dumpPyJson(fromPlain(value), PYTHON_DUMPS, options);
}
