// Main process: the core's utility process behind the supervisor's CoreChild interface.
import type { UtilityProcess } from 'electron';
import type { CoreChild } from './core-supervisor.js';

export function utilityCoreChild(proc: UtilityProcess): CoreChild {
  return {
    postMessage: (message) => proc.postMessage(message),
    onMessage: (listener) => proc.on('message', (message: unknown) => listener(message)),
    onExit: (listener) => proc.on('exit', (code) => listener(code)),
    kill: () => void proc.kill(),
  };
}
