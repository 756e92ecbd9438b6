import { isPyDict, toPlain, type PyDict, type PyValue } from '../../bittensor/wire/index.js';
import { externalRequestHash } from './request-hash.js';
import { RpcCode, RpcError, type RpcCall } from './json-rpc.js';
import { selectProofOfWeightsCircuit } from './circuit-selection.js';
import type {
  CircuitCatalog,
  ExternalCircuitInfo,
  ExternalRequestKind,
  ExternalRequestSink,
} from './types.js';

/** `CIRCUIT_TIMEOUT_SECONDS` and `EXTERNAL_REQUEST_QUEUE_TIME_SECONDS` (spec §13). */
export const DEFAULT_CIRCUIT_TIMEOUT_S = 60;
export const EXTERNAL_REQUEST_QUEUE_TIME_S = 10;

/** Method name → request kind; `omron.*` are the pre-rename aliases. */
export const RPC_METHODS: Readonly<Record<string, ExternalRequestKind>> = {
  'subnet-2.proof_of_weights': 'proof_of_weights',
  'subnet-2.proof_of_computation': 'proof_of_computation',
  'omron.proof_of_weights': 'proof_of_weights',
  'omron.proof_of_computation': 'proof_of_computation',
};

/** The request kind of a method name from a caller; own keys only ("toString" is no method). */
export const rpcMethodKind = (method: string): ExternalRequestKind | undefined =>
  Object.hasOwn(RPC_METHODS, method) ? RPC_METHODS[method] : undefined;

export interface RpcCaller {
  origin: string;
  /** From the x-netuid header. */
  netuid: number | undefined;
  /** Aborted when the caller's socket closes. */
  signal: AbortSignal;
}

export interface RpcMethodDeps {
  sink: ExternalRequestSink;
  catalog: CircuitCatalog;
  testnet: boolean;
  queueTimeS: number;
}

export interface ProofReply {
  hash: string;
  public_signals: unknown;
  proof: unknown;
  success: true;
}

const invalidParams = (why: string) => new RpcError(RpcCode.invalidParams, 'Invalid params', why);
const param = (params: PyDict, name: string): PyValue | undefined => params.get(name);

/** Run one JSON-RPC call to completion; throws RpcError for every refusal or failure. */
export async function runRpcCall(call: RpcCall, caller: RpcCaller, deps: RpcMethodDeps): Promise<ProofReply> {
  const kind = rpcMethodKind(call.method);
  if (!kind) throw new RpcError(RpcCode.methodNotFound, 'Method not found', call.method);
  const circuits = await deps.catalog.list();
  const { circuit, inputs } =
    kind === 'proof_of_weights'
      ? proofOfWeightsTarget(call.params, caller, circuits, deps.testnet)
      : proofOfComputationTarget(call.params, circuits);
  const plainInputs = toPlain(inputs) as Record<string, unknown>;
  try {
    deps.catalog.checkInput?.(circuit.id, plainInputs);
  } catch (err) {
    throw invalidParams(err instanceof Error ? err.message : String(err));
  }
  const hash = externalRequestHash(inputs);
  const waitS = (circuit.timeout_s ?? DEFAULT_CIRCUIT_TIMEOUT_S) + deps.queueTimeS;
  const controller = new AbortController();
  const onClose = () => controller.abort(new Error('caller disconnected'));
  caller.signal.addEventListener('abort', onClose, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error('Request timed out'));
      reject(new RpcError(RpcCode.processingFailed, 'Request processing failed', 'Request timed out'));
    }, waitS * 1000);
  });
  try {
    const result = await Promise.race([
      deps.sink.submit({
        kind,
        circuitId: circuit.id,
        inputs: plainInputs,
        hash,
        origin: caller.origin,
        signal: controller.signal,
      }),
      timedOut,
    ]);
    return { hash, public_signals: result.publicSignals, proof: result.proof, success: true };
  } catch (err) {
    if (err instanceof RpcError) throw err;
    const text = err instanceof Error ? err.message : String(err);
    throw new RpcError(RpcCode.processingFailed, 'Request processing failed', text);
  } finally {
    clearTimeout(timer);
    caller.signal.removeEventListener('abort', onClose);
    if (!controller.signal.aborted) controller.abort(new Error('request finished'));
  }
}

function proofOfWeightsTarget(
  params: PyDict,
  caller: RpcCaller,
  circuits: readonly ExternalCircuitInfo[],
  testnet: boolean,
): { circuit: ExternalCircuitInfo; inputs: PyDict } {
  const data = param(params, 'evaluation_data');
  if (data === undefined || !isPyDict(data) || data.size === 0)
    throw invalidParams('evaluation_data must be a non-empty object');
  const version = param(params, 'weights_version');
  if (version !== undefined && version !== null && typeof version !== 'bigint')
    throw invalidParams('weights_version must be an integer');
  if (caller.netuid === undefined) throw invalidParams('proof_of_weights needs the x-netuid header');
  const weightsVersion = typeof version === 'bigint' ? Number(version) : undefined;
  const circuit = selectProofOfWeightsCircuit(circuits, caller.netuid, weightsVersion, testnet);
  if (!circuit) throw invalidParams(`no proof-of-weights circuit for netuid ${caller.netuid}`);
  return { circuit, inputs: data };
}

function proofOfComputationTarget(
  params: PyDict,
  circuits: readonly ExternalCircuitInfo[],
): { circuit: ExternalCircuitInfo; inputs: PyDict } {
  const input = param(params, 'input');
  const id = param(params, 'circuit');
  if (input === undefined || !isPyDict(input)) throw invalidParams('input must be an object');
  if (typeof id !== 'string') throw invalidParams('circuit must be a circuit id');
  const circuit = circuits.find((c) => c.id === id);
  if (!circuit) throw invalidParams(`unknown circuit ${id}`);
  if (circuit.type !== 'proof_of_computation')
    throw invalidParams(`circuit ${id} is a ${circuit.type} circuit, not proof_of_computation`);
  return { circuit, inputs: input };
}
