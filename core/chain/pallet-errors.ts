/**
 * Human sentences for the pallet errors an SN2 miner or validator meets; other errors fall back to
 * the runtime's own documentation (metadata `docs`).
 */
const SENTENCES: Record<string, string> = {
  HotKeyNotRegisteredInNetwork: 'the hotkey is not registered on this subnet',
  HotKeyNotRegisteredInSubNet: 'the hotkey is not registered on this subnet',
  HotKeyAlreadyRegisteredInSubNet: 'the hotkey is already registered on this subnet',
  NonAssociatedColdKey: 'the hotkey is owned by a different coldkey',
  NotEnoughBalanceToStake: 'the coldkey does not have enough free balance for this',
  NoNeuronIdAvailable: 'the subnet is full and no neuron can be replaced right now',
  SubNetRegistrationDisabled: 'registration is disabled on this subnet',
  SubNetworkDoesNotExist: 'the subnet does not exist',
  SubnetNotExists: 'the subnet does not exist',
  TooManyRegistrationsThisBlock: 'too many registrations in this block; try again in the next block',
  TooManyRegistrationsThisInterval: 'the subnet reached its registrations for this interval; try again later',
  InvalidIpType: 'the IP type must be 4 or 6',
  InvalidIpAddress:
    'the chain does not accept this IP address (loopback and broadcast addresses are rejected)',
  InvalidPort: 'the port must not be 0',
  ServingRateLimitExceeded: 'the axon was updated too recently; wait for the serving rate limit to pass',
  SettingWeightsTooFast: 'weights were set too recently; wait for the weights rate limit to pass',
  CommittingWeightsTooFast: 'weights were committed too recently; wait for the weights rate limit to pass',
  NeuronNoValidatorPermit: 'this neuron has no validator permit (it needs stake and one epoch)',
  NotEnoughStakeToSetWeights: 'this hotkey does not have the minimum stake to set weights',
  IncorrectWeightVersionKey: "the version key is lower than the subnet's WeightsVersionKey",
  CommitRevealEnabled: 'commit-reveal is enabled on this subnet: commit the weights instead of setting them',
  CommitRevealDisabled: 'commit-reveal is disabled on this subnet: set the weights directly',
  WeightVecNotEqualSize: 'the uid and weight lists differ in length',
  DuplicateUids: 'a uid appears twice in the weights',
  UidVecContainInvalidOne: 'a uid in the weights does not exist on this subnet',
  WeightVecLengthIsLow: 'fewer weights than the subnet minimum (MinAllowedWeights)',
  MaxWeightExceeded: "a weight exceeds the subnet's MaxWeightsLimit",
  UidsLengthExceedUidsInSubNet: 'more weights than neurons in the subnet',
  TooManyUnrevealedCommits: 'too many unrevealed weight commits; reveal them first',
  RevealTooEarly: 'the reveal window for this commit has not opened yet',
  ExpiredWeightCommit: 'the reveal window for this commit has passed',
  InvalidRevealCommitHashNotMatch: 'no commit matches these weights, salt and version key',
  NoWeightsCommitFound: 'this hotkey has no pending weight commits',
  NetworkTxRateLimitExceeded: 'a subnet was registered too recently (network rate limit)',
  NeedWaitingMoreBlocksToStarCall: 'the subnet is too young to be started; wait for the start-call delay',
  SubtokenDisabled: 'the subnet has not been started yet (start_call), so staking is disabled',
  AmountTooLow: 'the amount is below the minimum',
  InsufficientBalance: 'the account balance is too low',
  RequireSudo: 'only the sudo key may do this',
};

export function palletErrorSentence(error: string, docs: readonly string[]): string {
  const known = SENTENCES[error];
  if (known) return known;
  const doc = docs.join(' ').trim().replace(/\s+/g, ' ');
  return doc || `the runtime returned ${error}`;
}

/** `SubtensorTransactionExtension` custom validity codes (pool "Custom error: N"), §4.9 of the spec. */
const CUSTOM_CODES: Record<number, [string, string]> = {
  0: ['ColdkeyInSwapSchedule', 'the coldkey is scheduled for a swap'],
  1: ['StakeAmountTooLow', 'the stake amount is below the minimum'],
  2: ['BalanceTooLow', 'the balance is too low'],
  3: ['SubnetDoesntExist', 'the subnet does not exist'],
  4: ['HotkeyAccountDoesntExist', 'the hotkey account does not exist'],
  5: ['NotEnoughStakeToWithdraw', 'not enough stake to withdraw'],
  6: ['RateLimitExceeded', 'rate limit exceeded'],
  7: ['InsufficientLiquidity', 'insufficient liquidity in the subnet pool'],
  8: ['SlippageTooHigh', 'slippage too high'],
  9: ['TransferDisallowed', 'transfers are disallowed on this subnet'],
  10: ['HotKeyNotRegisteredInNetwork', SENTENCES.HotKeyNotRegisteredInNetwork],
  11: ['InvalidIpAddress', SENTENCES.InvalidIpAddress],
  12: ['ServingRateLimitExceeded', SENTENCES.ServingRateLimitExceeded],
  13: ['InvalidPort', SENTENCES.InvalidPort],
  14: ['ZeroMaxAmount', 'the maximum amount is zero'],
  255: [
    'BadRequest',
    'the chain refused the request (on a subnet that has not been started, staking is refused this way)',
  ],
};

export function customCodeInfo(code: number): { name: string; sentence: string } {
  const entry = CUSTOM_CODES[code];
  return entry
    ? { name: entry[0], sentence: entry[1] }
    : { name: `Custom(${code})`, sentence: `custom validity error ${code}` };
}
