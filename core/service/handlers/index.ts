import type { AreaFactory } from './types.js';
import { appHandlers } from './app.js';
import { chainHandlers } from './chain.js';
import { circuitsHandlers } from './circuits.js';
import { doctorHandlers } from './doctor.js';
import { engineHandlers } from './engine.js';
import { economicsHandlers } from './economics.js';
import { hardwareHandlers } from './hardware.js';
import { logsHandlers } from './logs.js';
import { metricsHandlers } from './metrics.js';
import { minerHandlers } from './miner.js';
import { protocolHandlers } from './protocol.js';
import { proversHandlers } from './provers.js';
import { reachabilityHandlers } from './reachability.js';
import { updateHandlers } from './update.js';
import { validatorHandlers } from './validator.js';
import { walletHandlers } from './wallet.js';

export type { HandlerMap, AreaFactory } from './types.js';

/** Every area's handlers; a test checks that together they cover the whole contract. */
export const handlerFactories: AreaFactory[] = [
  appHandlers,
  chainHandlers,
  circuitsHandlers,
  doctorHandlers,
  engineHandlers,
  economicsHandlers,
  hardwareHandlers,
  logsHandlers,
  metricsHandlers,
  minerHandlers,
  protocolHandlers,
  proversHandlers,
  reachabilityHandlers,
  updateHandlers,
  validatorHandlers,
  walletHandlers,
];
