/**
 * `SHA256SUMS` of an upstream release (spec sn2-2026.md §2.3 step 3): plain `sha256sum` output, one
 * `<64 lower-case hex>  <name>` line per file. Lines are split on whitespace and the name must match
 * exactly, as `install.sh` (`awk '$2==asset'`) and the built-in updater do. A malformed hash, or two
 * lines that disagree about the asset, count as no entry: the install then fails closed.
 */
export function sha256ForAsset(sums: string, asset: string): string | null {
  const found = new Set<string>();
  for (const line of sums.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 2 && fields[1] === asset) found.add(fields[0]);
  }
  if (found.size !== 1) return null;
  const [hex] = found;
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
