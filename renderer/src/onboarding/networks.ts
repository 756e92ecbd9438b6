import type { Network } from '../../../core/contract/index.js';

/** The networks offered to a person; `network.presets` from the core supplies endpoints when available. */
export const NETWORK_CHOICES: Array<{ network: Network; label: string; description: string }> = [
  {
    network: 'practice',
    label: 'Practice',
    description:
      'A private local chain with validators on this computer: real proofs, no real TAO. Start here.',
  },
  {
    network: 'test',
    label: 'Testnet (netuid 118)',
    description: 'The public Bittensor testnet: free test TAO, real validators.',
  },
  {
    network: 'finney',
    label: 'Mainnet (netuid 2)',
    description: 'Real TAO: registration burns TAO and earnings are real.',
  },
  {
    network: 'local',
    label: 'Local devnet',
    description: 'A subtensor node you run yourself on this computer.',
  },
  {
    network: 'custom',
    label: 'Custom endpoint',
    description: 'Any subtensor node, by its ws:// or wss:// URL.',
  },
];
