import { COMPETITION_NOT_INITIALIZED } from '../../sn2/constants.js';
import type { CompetitionAnswer } from '../../sn2/transport/sn2-transport.js';

/** §3.5: we take part in no competition (none since 2025-06-07); answer as a stock miner without object storage. */
export const handleCompetition = (): CompetitionAnswer => ({ error: COMPETITION_NOT_INITIALIZED });
