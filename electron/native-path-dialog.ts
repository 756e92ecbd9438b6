// Main process: a native executable path set from the UI runs only after the user confirms it in an
// OS dialog, which no page can draw or click for them.
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { NativePathChange } from '../core/contract/core-channel.js';

export function nativePathMessage(change: NativePathChange): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Allow a native program?',
    message: `Let Subnet 2 Desktop run this program as its ${change.tool}?`,
    detail:
      `${change.path}\n\n` +
      (change.previous ? `It replaces ${change.previous}.\n\n` : '') +
      'The app will start it to make proofs, with your user rights. Allow it only if you chose this ' +
      'file yourself. It is checked (version and self-test) before it is saved.',
    buttons: ['Cancel', 'Allow'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export function confirmNativePathDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: () => BrowserWindow | null,
): (change: NativePathChange) => Promise<boolean> {
  return async (change) => {
    const options = nativePathMessage(change);
    const window = parent();
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    return response === 1;
  };
}
