import { UserError } from '../../util/errors.js';

/** Upstream's mainnet URL, with the double slash its base URL ending in "/" produces (spec §12). */
export const MAINNET_PROOF_STORAGE_URL = 'https://pps.inferencelabs.com//proof';

/**
 * Where verified proofs go: `SUBNET_2_PPS_URL`, else the configured URL, else the mainnet service on
 * finney. Testnet's upstream endpoint is an unpublished AWS Lambda URL, so other networks need a URL.
 */
export function proofStorageUrl(network: string, configured: string | undefined, env = process.env): string {
  const url =
    env.SUBNET_2_PPS_URL ?? configured ?? (network === 'finney' ? MAINNET_PROOF_STORAGE_URL : undefined);
  if (!url)
    throw new UserError(
      `proof publishing on ${network} needs a URL (settings validator.proofPublishing.url)`,
    );
  if (!/^https?:\/\//.test(url)) throw new UserError(`proof publishing URL must be http(s): ${url}`);
  return url;
}
