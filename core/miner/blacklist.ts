import { VALIDATOR_STAKE_THRESHOLD } from '../sn2/constants.js';

/** What the blacklist needs to know about a caller, from the miner's metagraph. */
export interface CallerInfo {
  uid: number;
  /** Stake weight in whole units. */
  stake: number;
  validatorPermit: boolean;
}

export interface BlacklistPolicy {
  disabled: boolean;
  /** 1024 on every network (§7.2: no testnet special case); practice lowers it. */
  minStake?: number;
}

/** Reason strings exactly as upstream (§7.2). */
export const BLACKLIST_REASONS = {
  notRegistered: 'Hotkey is not registered',
  lowStake: 'Stake below minimum',
  noPermit: 'Requesting UID has no validator permit',
  error: 'An error occurred while filtering the request',
} as const;

/**
 * §7.2, evaluated on the claimed hotkey before any work: returns the rejection reason, or undefined
 * to allow. `lookup` reads the miner's cached metagraph.
 */
export function blacklistReason(
  hotkey: string,
  lookup: (hotkey: string) => CallerInfo | undefined,
  policy: BlacklistPolicy,
): string | undefined {
  if (policy.disabled) return undefined;
  try {
    const caller = lookup(hotkey);
    if (!caller) return BLACKLIST_REASONS.notRegistered;
    if (caller.stake < (policy.minStake ?? VALIDATOR_STAKE_THRESHOLD)) return BLACKLIST_REASONS.lowStake;
    if (!caller.validatorPermit) return BLACKLIST_REASONS.noPermit;
    return undefined;
  } catch {
    return BLACKLIST_REASONS.error;
  }
}
