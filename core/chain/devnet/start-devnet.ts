/**
 * A real subtensor runtime (spec 293, fast-runtime: 1 s slots, tempo 10) running in-process under
 * chopsticks genesis mode on 127.0.0.1. Every block executes the runtime WASM, so chain rules are real.
 *
 *   const devnet = await startDevnet({ port: 0 });        // port 0 = any free port
 *   devnet.endpoint                                       // 'ws://127.0.0.1:PORT'
 *   const subnet = await bootstrapSubnet(devnet.api, {…}); // see bootstrap.ts
 *   const mark = await devnet.head();                     // snapshot …
 *   await devnet.newBlocks(12);                           // advance (epochs, reveal windows)
 *   await devnet.setHead(mark);                           // … and rewind (dev_setHead)
 *   await devnet.close();
 *
 * Spec source: `specPath`, else $SUBTENSOR_SPEC, else the pinned upstream download (sha256-checked).
 * The raw genesis (built with the runtime's GenesisBuilder, ~4–7 s) is cached by the spec's sha256.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Blockchain } from '@acala-network/chopsticks-core';
import { writeFileAtomic } from '../../util/atomic-file.js';
import { dataPaths } from '../../util/paths.js';
import { UserError } from '../../util/errors.js';
import { formatZodError } from '../../util/zod-error.js';
import { RuntimeGenesisSpecSchema, CODE_KEY, type RawChainSpec } from './chain-spec.js';
import { auraSlotDurationMs, buildRawGenesis, withPinnedTimestamp } from './raw-genesis.js';
import { loadSubtensorSpec } from './spec-source.js';
import { loadChopsticks, loadChopsticksCore } from './load-chopsticks.js';
import type { Hex } from './runtime-call.js';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '../signed-extensions.js';

export type BuildBlockMode = 'Instant' | 'Batch' | 'Manual';

export interface DevnetOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** runtimeGenesis chain spec; default $SUBTENSOR_SPEC or the pinned download. */
  specPath?: string;
  /** Folder for the downloaded spec and the cached raw genesis; default <data dir>/devnet. */
  cacheDir?: string;
  /** Instant (default): one block per extrinsic. */
  buildBlockMode?: BuildBlockMode;
}

export interface Devnet {
  readonly endpoint: string;
  readonly port: number;
  /** Connected client (metadata of the running runtime). */
  readonly api: ApiPromise;
  /** Chopsticks' in-process chain, for tests that need to look under the hood. */
  readonly chain: Blockchain;
  readonly slotMs: number;
  /** Wall time from the call to a connected API, ms. */
  readonly startMs: number;
  /** Current head block number. */
  head(): Promise<number>;
  /** Build `count` empty blocks (dev_newBlock) and return the new head number. */
  newBlocks(count: number): Promise<number>;
  /** Rewind (or move) the head to a block number or hash (dev_setHead). */
  setHead(block: number | string): Promise<void>;
  close(): Promise<void>;
}

async function rawGenesisFor(options: DevnetOptions, cacheDir: string): Promise<RawChainSpec> {
  const spec = await loadSubtensorSpec({ path: options.specPath, cacheDir });
  const cached = join(cacheDir, `raw-genesis-${spec.sha256.slice(0, 16)}.json`);
  if (existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as RawChainSpec;
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const parsed = RuntimeGenesisSpecSchema.safeParse(JSON.parse(spec.text));
  if (!parsed.success)
    throw new UserError(
      `${spec.source} is not a runtimeGenesis chain spec (${formatZodError(parsed.error)})`,
    );
  const raw = await buildRawGenesis(parsed.data);
  writeFileAtomic(cached, JSON.stringify(raw), 0o644);
  return raw;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const t0 = performance.now();
  const cacheDir = options.cacheDir ?? join(dataPaths().root, 'devnet');
  const raw = await rawGenesisFor(options, cacheDir);
  const code = raw.genesis.raw.top[CODE_KEY as Hex];
  const slotMs = await auraSlotDurationMs(code);
  // chopsticks-core runs AuraApi_slot_duration with unresolved imports disallowed, which fails for
  // this runtime and silently falls back to 12 s; seed its memo with the real value instead.
  const { getAuraSlotDuration } = await loadChopsticksCore();
  getAuraSlotDuration.cache.set(code, Promise.resolve(slotMs));
  const { setupWithServer } = await loadChopsticks();
  const server = await setupWithServer({
    genesis: withPinnedTimestamp(raw, slotMs),
    host: '127.0.0.1',
    port: options.port ?? 0,
    'build-block-mode': (options.buildBlockMode ?? 'Instant') as never,
    'allow-unresolved-imports': true,
    'mock-signature-host': false,
  } as Parameters<typeof setupWithServer>[0]);
  const port = Number(server.addr.split(':').pop());
  const endpoint = `ws://127.0.0.1:${port}`;
  let api: ApiPromise;
  try {
    api = await ApiPromise.create({
      provider: new WsProvider(endpoint),
      noInitWarn: true,
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  return {
    endpoint,
    port,
    api,
    chain: server.chain,
    slotMs,
    startMs: performance.now() - t0,
    head,
    async newBlocks(count) {
      await api.rpc('dev_newBlock', { count });
      return head();
    },
    async setHead(block) {
      await api.rpc('dev_setHead', block);
    },
    async close() {
      await api.disconnect();
      await server.close();
    },
  };
}
