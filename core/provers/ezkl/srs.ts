/**
 * KZG structured reference strings for EZKL, per logrows k, downloaded on demand and cached as
 * `dataPaths().srs/kzg<k>.srs`. The file is the ceremony's raw parameters (halo2 raw-bytes format,
 * `4 + 128·2^k + 256` bytes), which is what ezkl writes as `kzg<k>.srs`; it is checked against the
 * size formula and, where the hash from ezkl's `src/srs_sha.rs` is pinned here, its SHA-256.
 */
import { join } from 'node:path';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { downloadFile, type DownloadProgress } from '../../util/download.js';
import { sha256File } from '../../util/sha256-file.js';
import { CircuitFileError } from '../../circuits/errors.js';

export const SRS_BASE_URL =
  'https://trusted-setup-halo2kzg.s3.eu-central-1.amazonaws.com/perpetual-powers-of-tau-raw-';

/** SHA-256 of `kzg<k>.srs` as ezkl 22.0.1 checks it (sn2-protocol §4.5; the k needed by v10 circuits). */
export const SRS_SHA256: Readonly<Record<number, string>> = {
  1: 'cafb2aa72c200ddc4e28aacabb8066e829207e2484b8d17059a566232f8a297b',
  19: 'd1a1655b4366a766d1578beb257849a92bf91cb1358c1a2c37ab180c5d3a204d',
  21: '486e044cf98704e07f41137d2b89698dc03d1fbf34d13b60902fea19a6013b4b',
};

export const srsBytes = (k: number): number => 4 + 128 * 2 ** k + 256;

export interface SrsOptions {
  srsDir: string;
  baseUrl?: string;
  /** Override of the pinned hashes (tests serve their own SRS). */
  sha256?: Readonly<Record<number, string>>;
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
}

export const srsPath = (srsDir: string, k: number): string => join(srsDir, `kzg${k}.srs`);

/** Path of a checked `kzg<k>.srs`, downloading it when missing or corrupt. */
export async function ensureSrs(k: number, options: SrsOptions): Promise<string> {
  if (!Number.isInteger(k) || k < 1 || k > 26) throw new RangeError(`logrows ${k} is outside 1…26`);
  const path = srsPath(options.srsDir, k);
  const pinned = (options.sha256 ?? SRS_SHA256)[k] ?? null;
  if (existsSync(path)) {
    if (statSync(path).size === srsBytes(k) && (!pinned || (await sha256File(path)) === pinned)) return path;
    unlinkSync(path);
  }
  const result = await downloadFile(`${options.baseUrl ?? SRS_BASE_URL}${k}`, path, {
    sha256: pinned,
    expectedBytes: srsBytes(k),
    maxBytes: srsBytes(k),
    onProgress: options.onProgress,
    signal: options.signal,
  });
  if (result.bytes !== srsBytes(k)) throw new CircuitFileError(`kzg${k}.srs has the wrong size`);
  return path;
}
