/** Hard limits of the external API. Every one is enforced before any work is queued. */
export interface ExternalApiLimits {
  /** Largest WebSocket message (PoW evaluation data for 1024 miners is ≈ 300 kB). */
  maxMessageBytes: number;
  /** Open sockets (HTTPS + WebSocket) in total, and per client IP. */
  maxSockets: number;
  maxSocketsPerIp: number;
  /** JSON-RPC calls per origin hotkey: sustained rate and burst. */
  rpcPerSecond: number;
  rpcBurst: number;
  /** Calls waiting for a proof, in total and per origin hotkey. */
  maxPending: number;
  maxPendingPerOrigin: number;
  /** Elements of one JSON-RPC batch. */
  maxBatch: number;
  /** Plain HTTP routes (GET /circuits) per client IP. */
  httpPerSecond: number;
  httpBurst: number;
  /** WebSocket upgrades per client IP (each may verify a signature and read permits). */
  upgradePerSecond: number;
  upgradeBurst: number;
  /** Permit lookups (a metagraph read each) in flight at once; beyond: 503 at once. */
  maxConcurrentPermitLookups: number;
  /** Added to the circuit timeout to give the wait limit (`EXTERNAL_REQUEST_QUEUE_TIME_SECONDS`). */
  queueTimeS: number;
  /** Time allowed for a client to send its request headers. */
  headersTimeoutMs: number;
  /** A WebSocket that sends nothing (not even a pong) for this long is closed. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ExternalApiLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxSockets: 256,
  maxSocketsPerIp: 16,
  rpcPerSecond: 1,
  rpcBurst: 10,
  maxPending: 256,
  maxPendingPerOrigin: 16,
  maxBatch: 16,
  httpPerSecond: 1,
  httpBurst: 5,
  upgradePerSecond: 1,
  upgradeBurst: 10,
  maxConcurrentPermitLookups: 2,
  queueTimeS: 10,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 5 * 60_000,
};
