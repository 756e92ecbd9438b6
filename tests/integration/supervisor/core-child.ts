// The core process as the desktop app runs it (electron/core-process.ts), with Node's IPC channel in
// place of Electron's parentPort.
import { exitOnFatal, serveCoreProcess } from '../../../core/service/core-process-server.js';
import type { CoreToMain } from '../../../core/contract/core-channel.js';

const exit = (code: number) => process.exit(code);
const service = serveCoreProcess(
  {
    postMessage: (message: CoreToMain) => process.send?.(message),
    onMessage: (listener) => process.on('message', (message: unknown) => listener(message)),
  },
  { exit },
);
exitOnFatal(service, exit);
// Electron ends a utility process with the app; a forked child must not outlive its test either.
process.on('disconnect', () => exit(0));
