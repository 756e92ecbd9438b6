import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog, MessageBoxOptions, Shell } from 'electron';
import type { SettingsProblem } from '../../../core/contract/core-channel.js';

vi.mock('electron', () => ({}));
const { settingsProblemDialog } = await import('../../../electron/settings-problem-dialog.js');
const { confirmNativePathDialog } = await import('../../../electron/native-path-dialog.js');
const { forwardIdleState, readIdle } = await import('../../../electron/idle-forwarder.js');

/** A dialog whose user clicks the given buttons, in order; it records what was shown. */
function clicking(...labels: string[]) {
  const shown: MessageBoxOptions[] = [];
  const showMessageBox = vi.fn(async (...args: unknown[]) => {
    const options = args.at(-1) as MessageBoxOptions;
    shown.push(options);
    const label = labels.shift();
    return { response: options.buttons?.indexOf(label ?? '') ?? -1, checkboxChecked: false };
  });
  return { dialog: { showMessageBox } as unknown as Pick<Dialog, 'showMessageBox'>, shown, showMessageBox };
}

const problem: SettingsProblem = {
  file: '/home/u/.local/share/subnet2-desktop/settings.json',
  backup: '/home/u/.local/share/subnet2-desktop/settings.json.bak',
  field: 'axon.port',
  message: 'settings file … is invalid: axon.port: Too small',
};

describe('invalid settings at start-up', () => {
  it('names the field, the file and the .bak, opens the folder on request, then resets', async () => {
    const { dialog, shown } = clicking('Open folder', 'Reset to defaults');
    const shell = { showItemInFolder: vi.fn() } as unknown as Pick<Shell, 'showItemInFolder'>;
    expect(await settingsProblemDialog(dialog, shell)(problem)).toBe('reset');
    expect(shell.showItemInFolder).toHaveBeenCalledWith(problem.file);
    expect(shown).toHaveLength(2);
    expect(shown[0].message).toContain('"axon.port"');
    expect(shown[0].detail).toContain(`File: ${problem.file}`);
    expect(shown[0].detail).toContain(`A copy was saved as: ${problem.backup}`);
    expect(shown[0].buttons).toEqual(['Open folder', 'Reset to defaults', 'Quit']);
  });

  it('quits when the user quits or closes the box; a file that is not JSON has no field to name', async () => {
    const { dialog, shown } = clicking('Quit');
    const shell = { showItemInFolder: vi.fn() } as unknown as Pick<Shell, 'showItemInFolder'>;
    const notJson = { ...problem, field: undefined, message: 'settings file … is not valid JSON' };
    expect(await settingsProblemDialog(dialog, shell)(notJson)).toBe('quit');
    expect(shown[0].message).toBe('Your settings file could not be read.');
    expect(await settingsProblemDialog(clicking().dialog, shell)(problem)).toBe('quit');
  });
});

describe('a native prover path chosen in the UI', () => {
  const change = { tool: 'ezkl', path: '/opt/tools/ezkl', previous: '/usr/bin/ezkl' };

  it('is allowed only by the Allow button of an OS dialog over the window', async () => {
    const window = {} as BrowserWindow;
    const allow = clicking('Allow');
    expect(await confirmNativePathDialog(allow.dialog, () => window)(change)).toBe(true);
    expect(allow.showMessageBox).toHaveBeenCalledWith(window, expect.anything());
    expect(allow.shown[0].detail).toContain('/opt/tools/ezkl');
    expect(allow.shown[0].detail).toContain('It replaces /usr/bin/ezkl.');
    expect(allow.shown[0].defaultId).toBe(allow.shown[0].cancelId); // Enter does not allow it
    expect(await confirmNativePathDialog(clicking('Cancel').dialog, () => null)(change)).toBe(false);
    expect(await confirmNativePathDialog(clicking().dialog, () => null)(change)).toBe(false);
  });
});

describe('idle state for "mine only while idle"', () => {
  it('reads powerMonitor: idle seconds, a locked screen, or says the OS cannot tell', () => {
    const power = (state: 'active' | 'idle' | 'locked' | 'unknown', seconds: number) => ({
      getSystemIdleState: () => state,
      getSystemIdleTime: () => seconds,
    });
    expect(readIdle(power('active', 3))).toEqual({ kind: 'known', idleSeconds: 3, locked: false });
    expect(readIdle(power('locked', 0))).toEqual({ kind: 'known', idleSeconds: 0, locked: true });
    expect(readIdle(power('unknown', 0))).toMatchObject({ kind: 'unknown' });
  });

  it('forwards a reading at once and then periodically, until stopped', () => {
    vi.useFakeTimers();
    const send = vi.fn();
    const stop = forwardIdleState(
      { getSystemIdleState: () => 'idle', getSystemIdleTime: () => 400 },
      send,
      1_000,
    );
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(send).toHaveBeenCalledTimes(4);
    stop();
    vi.advanceTimersByTime(3_000);
    expect(send).toHaveBeenCalledTimes(4);
    vi.useRealTimers();
  });
});
