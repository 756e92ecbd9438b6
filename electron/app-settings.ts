// Main process: applies the app-level settings (login item, update channel) whenever they change.
import type { Settings } from '../core/contract/index.js';

export const START_HIDDEN_ARG = '--hidden';

export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

/** Run at login is opt-in; "start minimised" makes the login launch go straight to the tray. */
export function applyLoginItem(app: LoginItems, settings: Settings['app']): void {
  app.setLoginItemSettings({
    openAtLogin: settings.runAtLogin,
    openAsHidden: settings.startMinimized,
    args: settings.startMinimized ? [START_HIDDEN_ARG] : [],
  });
}

/** The window stays hidden at launch when started by the login item or when the user asked for it. */
export const startHidden = (argv: string[], settings: Settings['app']): boolean =>
  argv.includes(START_HIDDEN_ARG) || settings.startMinimized;
