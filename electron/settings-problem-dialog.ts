// Main process: what the user sees when the settings file cannot be used at start-up: which file,
// which field, where the copy is, and a way out that loses nothing.
import type { Dialog, MessageBoxOptions, Shell } from 'electron';
import type { SettingsProblem } from '../core/contract/core-channel.js';

const OPEN_FOLDER = 0;
const RESET = 1;

export function settingsProblemMessage(problem: SettingsProblem): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Settings could not be read',
    message: problem.field
      ? `The setting "${problem.field}" in your settings file is not valid.`
      : 'Your settings file could not be read.',
    detail:
      `${problem.message}\n\nFile: ${problem.file}\nA copy was saved as: ${problem.backup}\n\n` +
      'Fix the file and start the app again, or reset to the default settings: the current file is ' +
      'then kept aside next to it, not deleted.',
    buttons: ['Open folder', 'Reset to defaults', 'Quit'],
    defaultId: OPEN_FOLDER,
    cancelId: 2,
    noLink: true,
  };
}

/** Shows the problem until the user resets or quits; "Open folder" reveals the file and asks again. */
export function settingsProblemDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  shell: Pick<Shell, 'showItemInFolder'>,
): (problem: SettingsProblem) => Promise<'reset' | 'quit'> {
  return async (problem) => {
    for (;;) {
      const { response } = await dialog.showMessageBox(settingsProblemMessage(problem));
      if (response === RESET) return 'reset';
      if (response !== OPEN_FOLDER) return 'quit';
      shell.showItemInFolder(problem.file);
    }
  };
}
