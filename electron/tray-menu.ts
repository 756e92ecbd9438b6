// Main process: the tray's status line and actions, built from plain state (testable without Electron).
import type { MenuItemConstructorOptions } from 'electron';
import type { RunState } from '../core/contract/index.js';
import type { UpdateState } from './updater.js';

export interface TrayState {
  miner: RunState | 'unavailable';
  validator: RunState | 'unavailable';
  update: UpdateState;
}

export interface TrayActions {
  show(): void;
  startMining(): void;
  stopMining(): void;
  restartToUpdate(): void;
  quit(): void;
}

const describe = (s: TrayState['miner']) => (s === 'unavailable' ? 'not available' : s);

export function trayTooltip(state: TrayState): string {
  return `Subnet 2 Desktop — miner ${describe(state.miner)}, validator ${describe(state.validator)}`;
}

export function trayMenu(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const miner = state.miner;
  const items: MenuItemConstructorOptions[] = [
    { label: `Miner: ${describe(miner)}`, enabled: false },
    { label: `Validator: ${describe(state.validator)}`, enabled: false },
    { type: 'separator' },
    {
      label: 'Start mining',
      enabled: miner === 'stopped' || miner === 'error',
      click: actions.startMining,
    },
    { label: 'Stop mining', enabled: miner === 'running' || miner === 'starting', click: actions.stopMining },
    { type: 'separator' },
    { label: 'Open Subnet 2 Desktop', click: actions.show },
  ];
  if (state.update.kind === 'ready') {
    items.push({ label: `Restart to update (${state.update.version})`, click: actions.restartToUpdate });
  } else if (state.update.kind === 'error') {
    items.push({ label: `Update failed: ${state.update.message.slice(0, 60)}`, enabled: false });
  }
  items.push({ type: 'separator' }, { label: 'Quit (waits for proofs in flight)', click: actions.quit });
  return items;
}
