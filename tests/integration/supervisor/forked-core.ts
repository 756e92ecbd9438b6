import { fork, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { CoreChild } from '../../../electron/core-supervisor.js';

/**
 * A real child process standing in for Electron's utilityProcess: child_process.fork has the same
 * message model (postMessage ↔ send, 'message', 'exit'); 'advanced' serialisation is the structured
 * clone utilityProcess uses. Electron reports only an exit code: a signal becomes 128 + its number,
 * as waitpid's status would read in a shell.
 */
export function forkedCoreChild(script: string, env: NodeJS.ProcessEnv): CoreChild & { proc: ChildProcess } {
  const proc = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    proc,
    postMessage: (message) => {
      if (proc.connected) proc.send(message);
    },
    onMessage: (listener) => proc.on('message', (message: unknown) => listener(message)),
    onExit: (listener) =>
      proc.on('exit', (code, signal) => listener(code ?? 128 + (signal ? constants.signals[signal] : 0))),
    kill: () => void proc.kill(),
  };
}

export const coreChildScript = join(import.meta.dirname, 'core-child.ts');
