import type { KdfProgress } from '../../../bittensor/wallet/index.js';
import type { CliOutput } from '../../context.js';

/** Human progress of the key derivation on stderr (nothing with --json). */
export function progressPrinter(out: CliOutput): (p: KdfProgress) => void {
  let lastTenth = -1;
  return (p) => {
    const tenth = Math.floor(p.fraction * 10);
    if (p.fraction === 1) out.info(`  key derived in ${(p.elapsedMs / 1000).toFixed(1)} s (${p.backend})`);
    else if (tenth !== lastTenth && process.stderr.isTTY) out.info(`  ~${tenth * 10}%`);
    lastTenth = tenth;
  };
}
