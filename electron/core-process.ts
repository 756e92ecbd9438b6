// Entry of the core's utility process (utilityProcess.fork from the main process): the whole core,
// miner and validator included, runs here, so a crash or a slow step never takes the window down.
import { exitOnFatal, serveCoreProcess } from '../core/service/core-process-server.js';

const port = process.parentPort;
const exit = (code: number) => process.exit(code);
const service = serveCoreProcess(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
  },
  { exit },
);
exitOnFatal(service, exit);
