// "Should I mine here?": pure formulas over one chain snapshot (docs/architecture/economics.md).
export { subnetEconomics } from './subnet-economics.js';
export { economicsReport } from './report.js';
export type { EconomicsSnapshot, NeuronEarning } from './snapshot.js';
