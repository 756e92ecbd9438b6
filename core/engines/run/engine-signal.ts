import { readFields, type LogRecord } from './log-record.js';

export type SynapseType = 'query-zk-proof' | 'dsperse-proof-generation' | 'proof-of-weights';

/** What a log record means to the app (spec sn2-2026.md §3.8); ids in comments are the spec's line ids. */
export type EngineSignal =
  | { kind: 'version'; version: string } // S1
  | { kind: 'starting'; netuid: number; network: string } // S2
  | { kind: 'circuitsDownloading'; modelId: string; done: number; total: number } // C1–C3
  | { kind: 'circuitReady'; id: string; name: string } // C5
  | { kind: 'circuitFailed'; id?: string; error: string } // C6, C10, C11
  | { kind: 'repositoryUnreachable'; error: string } // C7
  | { kind: 'circuitsLoaded'; count: number } // C8
  | { kind: 'circuitFetchOnDemand'; id: string } // C9
  | { kind: 'listening'; port: number } // L4, L5
  | { kind: 'running'; hotkey?: string; port: number } // L8, L9
  | { kind: 'axonPublished'; ip: string; port: number } // R1, R2
  | { kind: 'axonPublishProblem'; final: boolean; detail: string } // R3 / R4, R5, S5
  | { kind: 'hotkeyUnregistered'; detail: string } // S4
  | { kind: 'validatorConnected'; validator: string; connId: string } // H1
  | { kind: 'validatorDisconnected'; remote: string; detail: string } // H9
  | { kind: 'handshakeRejected'; hotkey: string } // H2
  | { kind: 'handshakeError'; detail: string } // H3, H4, H6–H8, H10–H12
  | { kind: 'requestFrom'; synapse: string; validator: string } // Q0
  | { kind: 'requestReceived'; synapse: SynapseType; circuit: string; slice?: string } // Q1–Q3
  | { kind: 'proofStarted'; circuit: string; slice?: string } // P1, P2
  | { kind: 'proofDone'; witnessSize: number; proofSize: number; outputs: number } // P3
  | { kind: 'requestFailed'; synapse?: string; reason: string; timedOut: boolean } // E1–E3
  | { kind: 'selfUpdate'; detail: string } // U1–U4
  | { kind: 'stopping'; detail: string } // X1–X3
  | { kind: 'other' };

/** `prefix` then ` key=value …`; the fields are read in the spec's order. */
function fields(message: string, prefix: string, keys: readonly string[]): Record<string, string> | null {
  if (!message.startsWith(`${prefix} `)) return null;
  return readFields(message.slice(prefix.length + 1), keys);
}

const num = (s: string | undefined): number => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);

const SYNAPSE_OF_HANDLER: Record<string, { synapse: SynapseType; keys: string[] }> = {
  'handling QueryZkProof': { synapse: 'query-zk-proof', keys: ['model_id'] },
  'handling DSlice': { synapse: 'dsperse-proof-generation', keys: ['circuit', 'slice', 'component_sha'] },
  'handling ProofOfWeights': { synapse: 'proof-of-weights', keys: ['vk_hash'] },
};

/**
 * Classify one record. Messages are matched by prefix (btlightning's wording may change between versions,
 * spec §7.1); a record that matches nothing is `other` and is kept as a plain log line.
 */
export function classifyRecord(r: LogRecord): EngineSignal {
  const m = r.message;
  let f: Record<string, string> | null;
  let rest: string | null;
  // start-up (§3.2)
  if ((f = fields(m, 'sn2-miner', ['version']))) return { kind: 'version', version: f.version };
  if ((f = fields(m, 'starting sn2-miner', ['netuid', 'network'])))
    return { kind: 'starting', netuid: num(f.netuid), network: f.network };
  if ((f = fields(m, 'downloading composable model components', ['model_id', 'total'])))
    return { kind: 'circuitsDownloading', modelId: f.model_id, done: 0, total: num(f.total) };
  if ((f = fields(m, 'composable model download progress', ['model_id', 'progress', 'total'])))
    return { kind: 'circuitsDownloading', modelId: f.model_id, done: num(f.progress), total: num(f.total) };
  if ((f = fields(m, 'composable model download complete', ['model_id', 'total'])))
    return { kind: 'circuitsDownloading', modelId: f.model_id, done: num(f.total), total: num(f.total) };
  if ((f = fields(m, 'loaded circuit from API', ['id', 'name'])))
    return { kind: 'circuitReady', id: f.id, name: f.name };
  if ((f = fields(m, 'failed to cache circuit', ['id', 'error'])))
    return { kind: 'circuitFailed', id: f.id, error: f.error };
  if ((f = fields(m, 'failed to preload pinned circuit', ['id', 'error'])))
    return { kind: 'circuitFailed', id: f.id, error: f.error };
  if ((f = fields(m, 'skipping incomplete DSPERSE circuit from cache', ['id'])))
    return { kind: 'circuitFailed', id: f.id, error: 'incomplete download in the cache, skipped' };
  if ((f = fields(m, 'failed to load circuits from cache', ['error'])))
    return { kind: 'circuitFailed', error: f.error };
  if ((f = fields(m, 'failed to fetch circuits from API, loading from cache only', ['error'])))
    return { kind: 'repositoryUnreachable', error: f.error };
  if ((f = fields(m, 'circuits loaded', ['count']))) return { kind: 'circuitsLoaded', count: num(f.count) };
  if ((f = fields(m, 'circuit not loaded, fetching from API', ['id'])))
    return { kind: 'circuitFetchOnDemand', id: f.id };
  if (m.startsWith('hotkey is not registered on subnet')) return { kind: 'hotkeyUnregistered', detail: m };
  if (m.startsWith('external IP autodetection failed'))
    return { kind: 'axonPublishProblem', final: true, detail: m };
  // listening and readiness (§3.3)
  if ((rest = after(m, 'QUIC endpoint created, listening on ')))
    return { kind: 'listening', port: num(rest.slice(rest.lastIndexOf(':') + 1)) };
  if ((f = fields(m, 'QUIC Lightning server listening', ['host', 'port'])))
    return { kind: 'listening', port: num(f.port) };
  if ((f = fields(m, 'miner running', ['hotkey', 'quic_port'])))
    return { kind: 'running', hotkey: f.hotkey, port: num(f.quic_port) };
  if ((f = fields(m, 'miner loopback running', m.includes(' hotkey=') ? ['hotkey', 'port'] : ['port'])))
    return { kind: 'running', hotkey: f.hotkey, port: num(f.port) };
  // chain registration (§3.4)
  if ((f = fields(m, 'axon already registered on chain, skipping', ['ip', 'port'])))
    return { kind: 'axonPublished', ip: f.ip, port: num(f.port) };
  if ((f = fields(m, 'axon registered on chain', ['block', 'ip', 'port'])))
    return { kind: 'axonPublished', ip: f.ip, port: num(f.port) };
  if (m.startsWith('serve_axon failed; retrying'))
    return { kind: 'axonPublishProblem', final: false, detail: m };
  if (m.startsWith('serve_axon failed')) return { kind: 'axonPublishProblem', final: true, detail: m };
  // validator connections (§3.5, btlightning)
  if ((rest = after(m, 'Handshake successful, established connection: '))) {
    const id = /^conn_(\w+)_\d+$/.exec(rest);
    return { kind: 'validatorConnected', validator: id ? id[1] : rest, connId: rest };
  }
  if ((rest = after(m, 'Handshake rejected: hotkey ')))
    return { kind: 'handshakeRejected', hotkey: rest.split(' ')[0] };
  if ((f = fields(m, 'QUIC connection stream loop ended', ['remote', 'error', 'close_reason'])))
    return { kind: 'validatorDisconnected', remote: f.remote, detail: f.error };
  if (
    /^(Handshake |Signature |Invalid nonce|Nonce already used|Connection limit|Failed to parse handshake|Connection failed|Unknown or unauthenticated)/.test(
      m,
    )
  )
    return { kind: 'handshakeError', detail: m };
  // requests and proofs (§3.6)
  const q0 = /^Processing (\S+) synapse from (\S+)$/.exec(m);
  if (q0) return { kind: 'requestFrom', synapse: q0[1], validator: q0[2] };
  for (const [prefix, h] of Object.entries(SYNAPSE_OF_HANDLER)) {
    if ((f = fields(m, prefix, h.keys)))
      return {
        kind: 'requestReceived',
        synapse: h.synapse,
        circuit: f[h.keys[0]],
        slice: f.slice,
      };
  }
  if ((f = fields(m, 'generating witness and proof for non-composable model', ['model_id', 'circuit_path'])))
    return { kind: 'proofStarted', circuit: f.model_id };
  if ((f = fields(m, 'generating witness and proof', ['circuit_id', 'slice', 'circuit_path'])))
    return { kind: 'proofStarted', circuit: f.circuit_id, slice: f.slice };
  if (
    (f = fields(m, 'witness and proof generated', [
      'witness_size',
      'proof_size',
      'num_outputs',
      'holographic',
    ]))
  )
    return {
      kind: 'proofDone',
      witnessSize: num(f.witness_size),
      proofSize: num(f.proof_size),
      outputs: num(f.num_outputs),
    };
  const e1 = /^Handler error for ([^:]+): (.*)$/.exec(m);
  if (e1) return { kind: 'requestFailed', synapse: e1[1], reason: e1[2], timedOut: false };
  if (m.startsWith('Handler timed out after')) return { kind: 'requestFailed', reason: m, timedOut: true };
  if ((rest = after(m, 'No handler registered for synapse type: ')))
    return { kind: 'requestFailed', synapse: rest, reason: m, timedOut: false };
  // update and shutdown (§3.7)
  if (r.target.startsWith('sn2_chain::auto_update')) return { kind: 'selfUpdate', detail: m };
  if (
    m === 'received SIGTERM, shutting down miner' ||
    m === 'shutting down miner' ||
    m === 'shutting down miner for auto-update restart'
  )
    return { kind: 'stopping', detail: m };
  return { kind: 'other' };
}

function after(message: string, prefix: string): string | null {
  return message.startsWith(prefix) ? message.slice(prefix.length) : null;
}
