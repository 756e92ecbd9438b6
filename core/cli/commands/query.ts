import type { Command } from 'commander';
import { cliOutput } from '../context.js';
import { UserError } from '../../util/errors.js';
import { loadCliHotkey } from '../load-hotkey.js';
import type { PeerAddress } from '../../sn2/transport/sn2-transport.js';
import { callSynapse } from '../../sn2/transport/v10-client.js';
import {
  BaseSynapse,
  Dendrite,
  defineSynapse,
  parsePyJson,
  parseSynapseJson,
  publicKeyOf,
  py,
  synapseToPy,
  toPlain,
  withDefault,
  PyJsonError,
  type PyDict,
  type SynapseDefinition,
} from '../../bittensor/wire/index.js';
import {
  Competition,
  ProofOfWeightsSynapse,
  QueryForCapacities,
  QueryZkProof,
} from '../../sn2/transport/v10-synapses.js';

interface QueryFlags {
  synapse: string;
  body?: string;
  'axon.hotkey'?: string;
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  'wallet.path'?: string;
  timeout: string;
  json?: boolean;
}

const KNOWN: SynapseDefinition[] = [
  BaseSynapse,
  QueryZkProof,
  ProofOfWeightsSynapse,
  QueryForCapacities,
  Competition,
];
const BASE_KEYS = new Set([
  'name',
  'timeout',
  'total_size',
  'header_size',
  'dendrite',
  'axon',
  'computed_body_hash',
]);

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description(
      'Send one signed request to an axon and print its answer (checks that an axon is reachable and answers)',
    )
    .argument('<ip:port>', 'the axon, e.g. 203.0.113.5:8091 or [2001:db8::1]:8091')
    .requiredOption(
      '--synapse <name>',
      `synapse class name (${KNOWN.map((d) => d.name).join(', ')}, or any other name)`,
    )
    .option('--body <json>', 'JSON object with the synapse fields to send')
    .option(
      '--axon.hotkey <ss58>',
      "the axon's hotkey, part of the signed message (default: the wallet's own hotkey)",
    )
    .option('--wallet.name <name>', 'wallet name (default: $BT_WALLET_NAME or "default")')
    .option('--wallet.hotkey <name>', 'hotkey name (default: $BT_WALLET_HOTKEY or "default")')
    .option('--wallet.path <dir>', 'wallets folder (default: $BT_WALLET_PATH or ~/.bittensor/wallets)')
    .option('--timeout <seconds>', 'request timeout in seconds', '12')
    .option('--json', 'machine-readable output')
    .action(async (target: string, o: QueryFlags) => {
      const out = cliOutput(Boolean(o.json));
      const { ip, port } = parseTarget(target);
      const timeoutS = Number(o.timeout);
      if (!Number.isFinite(timeoutS) || timeoutS <= 0)
        throw new UserError(`--timeout must be a positive number of seconds, got "${o.timeout}"`);
      const fields = parseBody(o.body);
      const def = KNOWN.find((d) => d.name === o.synapse) ?? freeFormDefinition(o.synapse, fields);
      let synapse;
      try {
        synapse = parseSynapseJson(def, fields);
      } catch (err) {
        throw new UserError(
          `--body does not fit ${def.name}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const hotkey = await loadCliHotkey({
        name: o['wallet.name'],
        hotkey: o['wallet.hotkey'],
        path: o['wallet.path'],
      });
      const axonHotkey = o['axon.hotkey'] ?? hotkey.address;
      try {
        publicKeyOf(axonHotkey);
      } catch {
        throw new UserError(`--axon.hotkey is not an ss58 address: "${axonHotkey}"`);
      }
      const peer: PeerAddress = { ip, port, hotkey: axonHotkey };
      out.info(
        `${hotkey.address} → http://${ip.includes(':') ? `[${ip}]` : ip}:${port}/${def.name} (axon hotkey ${axonHotkey})`,
      );
      const dendrite = new Dendrite(hotkey);
      const result = await callSynapse(dendrite, peer, def, synapse, { timeoutS }).finally(() =>
        dendrite.close(),
      );
      const reply = toPlain(synapseToPy(def, result.synapse)) as Record<string, unknown>;
      const response = Object.fromEntries(Object.entries(reply).filter(([k]) => !BASE_KEYS.has(k)));
      out.result(
        {
          ok: result.ok,
          status: result.status,
          message: result.message,
          processTimeS: result.processTimeS,
          response,
        },
        () =>
          [
            `${result.status} ${result.message ?? ''}${result.processTimeS !== null ? ` (${result.processTimeS.toFixed(3)} s)` : ''}`,
            ...(result.ok && Object.keys(response).length
              ? [JSON.stringify(response, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)]
              : []),
          ].join('\n'),
      );
      if (!result.ok) process.exitCode = 1;
    });
}

export function parseTarget(target: string): { ip: string; port: number } {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(target) ?? /^([^:\s]+):(\d+)$/.exec(target);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`expected <ip:port> (IPv6 as [addr]:port), got "${target}"`);
  }
  return { ip: m[1], port };
}

function parseBody(body: string | undefined): PyDict {
  if (body === undefined) return new Map();
  let value;
  try {
    value = parsePyJson(body);
  } catch (err) {
    throw new UserError(
      `--body is not valid JSON: ${err instanceof PyJsonError ? err.message : String(err)}`,
    );
  }
  if (!(value instanceof Map)) throw new UserError('--body must be a JSON object of synapse fields');
  return value;
}

/** An unknown synapse: its fields are whatever --body holds, sent as given (no required fields). */
function freeFormDefinition(name: string, fields: PyDict): SynapseDefinition {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new UserError(`--synapse must be a Python class name, got "${name}"`);
  const spec = Object.fromEntries(
    [...fields.keys()]
      .filter((k) => typeof k === 'string' && !BASE_KEYS.has(k))
      .map((k) => [k as string, withDefault(py.any, null)]),
  );
  return defineSynapse(name, spec);
}
