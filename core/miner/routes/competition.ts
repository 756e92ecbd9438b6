import { COMPETITION_NOT_INITIALIZED } from '../../sn2/constants.js';
import type { CompetitionSynapse } from '../../sn2/synapses.js';

/** §3.5: we take part in no competition (none since 2025-06-07); answer as a stock miner without object storage. */
export const handleCompetition = (synapse: CompetitionSynapse): CompetitionSynapse => ({
  ...synapse,
  error: COMPETITION_NOT_INITIALIZED,
});
