import type { ProofLogEntry } from '../../../core/contract/index.js';

const COLUMNS: Array<keyof ProofLogEntry> = [
  'id',
  'at',
  'role',
  'route',
  'circuitId',
  'circuitName',
  'validatorHotkey',
  'validatorUid',
  'minerHotkey',
  'minerUid',
  'inputBytes',
  'witnessMs',
  'proveMs',
  'verifyMs',
  'totalMs',
  'proofBytes',
  'prover',
  'status',
  'error',
];

const csvCell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV, one row per entry, a fixed column order. */
export function proofLogToCsv(entries: ProofLogEntry[]): string {
  const rows = entries.map((e) => COLUMNS.map((c) => csvCell(e[c])).join(','));
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Hands a text file to the browser / Electron download flow. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
