/**
 * The circuit store: which circuits exist, where their files are, and getting the missing ones.
 *
 *   const store = new CircuitStore();                 // deployment_layer/ + the practice circuit
 *   store.list()                      → Circuit[]      (ids, metadata, file specs)
 *   store.get(id)                     → Circuit        (throws UnknownCircuitError)
 *   await store.status(id)            → CircuitStatus  (per-file state; canProve / canVerify)
 *   await store.ensure(id, { roles: ['prove'], onProgress, signal }) → { [fileName]: absolutePath }
 *   await store.resolve(id, 'settings.json') → checked path or null (never downloads)
 *
 * Files are looked up, in order, in the circuit's bundled folder (practice circuit), the read-only
 * offline folder (`SN2_CIRCUITS_DIR`, laid out as `model_<id>/<file>`), and the download cache
 * (`dataPaths().circuits/model_<id>/`). A file is used only after its size and SHA-256 check out
 * (pinned hash, or for files with no upstream hash the one recorded when we downloaded it); a corrupt
 * cached file is deleted and fetched again.
 */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { dataPaths } from '../util/paths.js';
import { appRoot, unpackedPath } from '../util/app-root.js';
import { CIRCUIT_ID_PATTERN, CIRCUIT_TIMEOUT_SECONDS, IGNORED_CIRCUIT_IDS } from './constants.js';
import { CircuitMetadataSchema, type CircuitMetadata, type ProofSystem } from './metadata.js';
import { CircuitFilesManifestSchema, type CircuitFileSpec, type FileRole } from './manifest.js';
import { downloadFile, type DownloadProgress } from '../util/download.js';
import { DownloadError } from '../util/download-errors.js';
import { CircuitFileError, UnknownCircuitError } from './errors.js';
import { sha256File } from '../util/sha256-file.js';
import {
  CircomSettingsSchema,
  EzklSettingsSchema,
  type CircomSettings,
  type EzklSettings,
} from './settings.js';

export interface Circuit {
  id: string;
  name: string;
  proofSystem: ProofSystem;
  metadata: CircuitMetadata;
  files: Record<string, CircuitFileSpec>;
  /** Folder holding every file of a circuit shipped with the app (practice circuit), else null. */
  bundledDir: string | null;
  /** Per-request timeout (metadata `timeout`, default 60 s). */
  timeoutMs: number;
}

export type FileSource = 'bundled' | 'offline' | 'cache';
export interface CircuitFileStatus {
  name: string;
  roles: FileRole[];
  state: 'ok' | 'missing' | 'corrupt';
  path: string | null;
  source: FileSource | null;
  /** Expected size of a missing file when known. */
  bytes: number | null;
}
export interface CircuitStatus {
  circuit: Circuit;
  files: CircuitFileStatus[];
  canProve: boolean;
  canVerify: boolean;
  /** Sum of the known sizes of missing files (null when any size is unknown). */
  missingBytes: number | null;
}

export interface EnsureOptions {
  /** Which files to make present (default: every prove and verify file). */
  roles?: FileRole[];
  onProgress?: (p: DownloadProgress & { circuitId: string }) => void;
  signal?: AbortSignal;
}

export interface CircuitStoreOptions {
  manifestsDir?: string;
  bundledDirs?: string[];
  cacheDir?: string;
  /** Read-only folder of `model_<id>/` folders; default `$SN2_CIRCUITS_DIR`. */
  offlineDir?: string | null;
  idleTimeoutMs?: number;
  /** Called for circuits that fail to load (bad metadata), like upstream's log-and-skip. */
  onWarning?: (message: string) => void;
}

export const DEFAULT_MANIFESTS_DIR = join(appRoot(), 'deployment_layer');
/** Unpacked in a packaged app: snarkjs workers and native provers read these files from disk. */
export const PRACTICE_CIRCUIT_DIR = unpackedPath(join(appRoot(), 'resources', 'practice-circuit'));

const CIRCOM_BUNDLED_ROLES: Record<string, FileRole[]> = {
  'circuit.wasm': ['prove', 'verify'],
  'circuit.zkey': ['prove'],
  'verification_key.json': ['verify'],
  'settings.json': ['verify'],
};
const EZKL_BUNDLED_ROLES: Record<string, FileRole[]> = {
  'model.compiled': ['prove'],
  'pk.key': ['prove'],
  'vk.key': ['prove', 'verify'],
  'settings.json': ['prove', 'verify'],
  'network.onnx': ['reference'],
};

export class CircuitStore {
  readonly cacheDir: string;
  readonly offlineDir: string | null;
  private readonly circuits = new Map<string, Circuit>();
  private readonly checked = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly idleTimeoutMs: number | undefined;

  constructor(options: CircuitStoreOptions = {}) {
    this.cacheDir = options.cacheDir ?? dataPaths().circuits;
    this.offlineDir =
      options.offlineDir === undefined ? (process.env.SN2_CIRCUITS_DIR ?? null) : options.offlineDir;
    this.idleTimeoutMs = options.idleTimeoutMs;
    const warn = options.onWarning ?? (() => undefined);
    this.loadManifests(options.manifestsDir ?? DEFAULT_MANIFESTS_DIR, warn);
    for (const dir of options.bundledDirs ?? [PRACTICE_CIRCUIT_DIR]) this.loadBundled(dir, warn);
  }

  list(): Circuit[] {
    return [...this.circuits.values()];
  }

  has(id: string): boolean {
    return this.circuits.has(id);
  }

  get(id: string): Circuit {
    const circuit = this.circuits.get(id);
    if (!circuit) throw new UnknownCircuitError(id);
    return circuit;
  }

  /** Where a downloaded file lives (or will). */
  cachePath(id: string, name: string): string {
    return join(this.cacheDir, `model_${id}`, name);
  }

  async status(id: string): Promise<CircuitStatus> {
    const circuit = this.get(id);
    const files: CircuitFileStatus[] = [];
    for (const [name, spec] of Object.entries(circuit.files)) {
      const found = await this.locate(circuit, name, spec);
      files.push({
        name,
        roles: spec.roles,
        state: found.path ? 'ok' : found.corrupt ? 'corrupt' : 'missing',
        path: found.path,
        source: found.source,
        bytes: spec.bytes,
      });
    }
    const ready = (role: FileRole) => files.every((f) => !f.roles.includes(role) || f.state === 'ok');
    const missing = files.filter((f) => f.state !== 'ok' && !f.roles.every((r) => r === 'reference'));
    return {
      circuit,
      files,
      canProve: ready('prove'),
      canVerify: ready('verify'),
      missingBytes: missing.some((f) => f.bytes === null)
        ? null
        : missing.reduce((n, f) => n + (f.bytes ?? 0), 0),
    };
  }

  /** A file's checked path, or null when it is missing or corrupt. Never downloads. */
  async resolve(id: string, name: string): Promise<string | null> {
    const circuit = this.get(id);
    const spec = circuit.files[name];
    if (!spec) return null;
    return (await this.locate(circuit, name, spec)).path;
  }

  /** Make the files for `roles` present (downloading what is missing) and return their paths. */
  async ensure(id: string, options: EnsureOptions = {}): Promise<Record<string, string>> {
    const circuit = this.get(id);
    const roles = options.roles ?? ['prove', 'verify'];
    const out: Record<string, string> = {};
    for (const [name, spec] of Object.entries(circuit.files)) {
      if (!spec.roles.some((r) => roles.includes(r))) continue;
      out[name] = await this.ensureFile(circuit, name, spec, options);
    }
    return out;
  }

  async readCircomSettings(id: string): Promise<CircomSettings> {
    return CircomSettingsSchema.parse(
      JSON.parse(readFileSync(await this.requireFile(id, 'settings.json'), 'utf8')),
    );
  }

  async readEzklSettings(id: string): Promise<EzklSettings> {
    return EzklSettingsSchema.parse(
      JSON.parse(readFileSync(await this.requireFile(id, 'settings.json'), 'utf8')),
    );
  }

  private async requireFile(id: string, name: string): Promise<string> {
    const path = await this.resolve(id, name);
    if (!path)
      throw new CircuitFileError(
        `circuit ${id.slice(0, 8)}…: ${name} is not available (run "sn2 circuits fetch")`,
      );
    return path;
  }

  private ensureFile(
    circuit: Circuit,
    name: string,
    spec: CircuitFileSpec,
    options: EnsureOptions,
  ): Promise<string> {
    const key = `${circuit.id}/${name}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchIfNeeded(circuit, name, spec, options).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async fetchIfNeeded(
    circuit: Circuit,
    name: string,
    spec: CircuitFileSpec,
    options: EnsureOptions,
  ): Promise<string> {
    const found = await this.locate(circuit, name, spec);
    if (found.path) return found.path;
    if (!spec.url)
      throw new CircuitFileError(`${name} of circuit ${circuit.name} is missing from the app bundle`);
    const dest = this.cachePath(circuit.id, name);
    let lastError: unknown;
    // One retry: a checksum mismatch or a cut connection may be transient (a corrupt part is removed).
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const result = await downloadFile(spec.url, dest, {
          sha256: spec.sha256,
          expectedBytes: spec.bytes,
          maxBytes: spec.max_bytes,
          signal: options.signal,
          idleTimeoutMs: this.idleTimeoutMs,
          onProgress: (p) => options.onProgress?.({ ...p, circuitId: circuit.id }),
        });
        if (!spec.sha256) writeFileSync(sidecar(dest), `${result.sha256}\n`, { mode: 0o600 });
        this.remember(dest);
        return dest;
      } catch (err) {
        lastError = err;
        if (!(err instanceof DownloadError) || !err.retryable || options.signal?.aborted) break;
      }
    }
    throw lastError;
  }

  private async locate(
    circuit: Circuit,
    name: string,
    spec: CircuitFileSpec,
  ): Promise<{ path: string | null; source: FileSource | null; corrupt: boolean }> {
    if (circuit.bundledDir) {
      const p = join(circuit.bundledDir, name);
      return existsSync(p)
        ? { path: p, source: 'bundled', corrupt: false }
        : { path: null, source: null, corrupt: false };
    }
    let corrupt = false;
    if (this.offlineDir) {
      const p = join(this.offlineDir, `model_${circuit.id}`, name);
      if (existsSync(p)) {
        if (await this.isValid(p, spec, null)) return { path: p, source: 'offline', corrupt: false };
        corrupt = true; // read-only folder: skip it, fall back to the cache
      }
    }
    const cached = this.cachePath(circuit.id, name);
    if (existsSync(cached)) {
      if (await this.isValid(cached, spec, sidecar(cached)))
        return { path: cached, source: 'cache', corrupt: false };
      unlinkSync(cached);
      if (existsSync(sidecar(cached))) unlinkSync(sidecar(cached));
      corrupt = true;
    }
    return { path: null, source: null, corrupt };
  }

  private async isValid(path: string, spec: CircuitFileSpec, sidecarPath: string | null): Promise<boolean> {
    const st = statSync(path);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (this.checked.get(path) === stamp) return true;
    if (spec.bytes !== null && st.size !== spec.bytes) return false;
    if (st.size > spec.max_bytes) return false;
    const expected =
      spec.sha256 ??
      (sidecarPath && existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8').trim() : null);
    if (expected && (await sha256File(path)) !== expected) return false;
    this.checked.set(path, stamp);
    return true;
  }

  private remember(path: string): void {
    const st = statSync(path);
    this.checked.set(path, `${st.size}:${st.mtimeMs}`);
  }

  private loadManifests(dir: string, warn: (m: string) => void): void {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const m = /^model_(.+)$/.exec(entry);
      if (!m || IGNORED_CIRCUIT_IDS.has(m[1])) continue;
      const id = m[1];
      try {
        if (!CIRCUIT_ID_PATTERN.test(id)) throw new Error('folder name is not model_<64-hex id>');
        const metadata = CircuitMetadataSchema.parse(readJson(join(dir, entry, 'metadata.json')));
        const manifest = CircuitFilesManifestSchema.parse(readJson(join(dir, entry, 'files.json')));
        this.circuits.set(id, makeCircuit(id, metadata, manifest.files, null));
      } catch (err) {
        warn(`circuit ${entry} not loaded: ${(err as Error).message}`);
      }
    }
  }

  private loadBundled(dir: string, warn: (m: string) => void): void {
    try {
      const metadata = CircuitMetadataSchema.parse(readJson(join(dir, 'metadata.json')));
      const roles = metadata.proof_system === 'EZKL' ? EZKL_BUNDLED_ROLES : CIRCOM_BUNDLED_ROLES;
      const vkName = metadata.proof_system === 'EZKL' ? 'vk.key' : 'verification_key.json';
      const id = createHash('sha256')
        .update(readFileSync(join(dir, vkName)))
        .digest('hex');
      const files: Record<string, CircuitFileSpec> = {};
      for (const [name, r] of Object.entries(roles)) {
        if (!existsSync(join(dir, name))) continue;
        const bytes = statSync(join(dir, name)).size;
        files[name] = { url: null, sha256: null, bytes, max_bytes: bytes, in_package: true, roles: r };
      }
      this.circuits.set(id, makeCircuit(id, metadata, files, dir));
    } catch (err) {
      warn(`bundled circuit in ${dir} not loaded: ${(err as Error).message}`);
    }
  }
}

function makeCircuit(
  id: string,
  metadata: CircuitMetadata,
  files: Record<string, CircuitFileSpec>,
  bundledDir: string | null,
): Circuit {
  return {
    id,
    name: metadata.name,
    proofSystem: metadata.proof_system,
    metadata,
    files,
    bundledDir,
    timeoutMs: (metadata.timeout ?? CIRCUIT_TIMEOUT_SECONDS) * 1000,
  };
}

const sidecar = (path: string) => `${path}.sha256`;
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
