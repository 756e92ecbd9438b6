import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { UserError } from '../../../core/util/errors.js';
import type { BridgeResponse } from '../../../core/contract/bridge.js';
import { dispatchCommand } from '../../../core/service/dispatch-command.js';
import {
  guardedService,
  hostileEnvelope,
  hostileValue,
  INHERITED_NAMES,
  rng,
  typedReplyProblem,
  type Next,
} from '../../helpers/hostile-inputs.js';

vi.mock('electron', () => ({}));
const { registerCoreIpc } = await import('../../../electron/ipc.js');
const { IPC_INVOKE } = await import('../../../electron/channels.js');

type Handler = (event: unknown, envelope: unknown) => Promise<BridgeResponse>;
const CASES = 10_000;

let root: string;
let real: CoreService;
let guard: ReturnType<typeof guardedService>;
let handler: Handler;
let unregister: () => void;
const window = { send: vi.fn(), isDestroyed: () => false } as unknown as WebContents;
const fromWindow = (envelope: unknown) =>
  handler({ sender: window, senderFrame: { url: 'app://renderer/index.html', parent: null } }, envelope);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sn2-ipc-fuzz-'));
  real = new CoreService({ dataDir: root, logger: silentLogger() });
  guard = guardedService(real);
  const ipcMain = {
    handle: (channel: string, fn: Handler) => {
      if (channel === IPC_INVOKE) handler = fn;
    },
    removeHandler: () => undefined,
  };
  // The core process answers with the same dispatcher (core/service/core-process-server.ts).
  const bridge = {
    dispatch: (r: unknown) => dispatchCommand(guard.service, r),
    onEvent: guard.service.onEvent,
  };
  unregister = registerCoreIpc(ipcMain as unknown as IpcMain, bridge, () => [window]);
});
afterAll(async () => {
  unregister();
  await real.close();
  rmSync(root, { recursive: true, force: true });
});

/** What Electron's structured clone can carry beyond JSON: the renderer may send any of it. */
function cloneable(next: Next): unknown {
  const r = next();
  if (r < 0.2) return 10n ** 30n;
  if (r < 0.4) return new Map([['command', 'settings.get']]);
  if (r < 0.5) return new Uint8Array(8);
  if (r < 0.6) return new Date(Number.NaN);
  if (r < 0.7) return Number.NaN;
  if (r < 0.8) return Object.assign(Object.create(null) as object, { command: 'app.info', input: {} });
  return undefined;
}

describe('Electron IPC under hostile input', () => {
  it('answers inherited property names as unknown commands (they used to throw out of the handler)', async () => {
    for (const name of INHERITED_NAMES) {
      await expect(fromWindow({ command: name, input: {} }), name).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-command' },
      });
    }
  });

  it(`answers ${CASES} random and hostile envelopes with typed replies, none rejected`, async () => {
    const next = rng(0x1bc);
    const problems: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const r = next();
      const envelope =
        r < 0.05
          ? cloneable(next)
          : r < 0.1
            ? { command: hostileEnvelope(next), input: cloneable(next) }
            : r < 0.15
              ? { command: 'settings.update', input: hostileValue(next) }
              : hostileEnvelope(next);
      try {
        const problem = typedReplyProblem(await fromWindow(envelope));
        if (problem) problems.push(problem);
      } catch (err) {
        problems.push(`rejected: ${String(err)}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(guard.violations).toEqual([]);
    expect(guard.reached.size).toBeGreaterThan(3);
    // Hostile patches that passed the schema left a settings file the core can still load.
    expect(() => real.context.settings.load()).not.toThrow();
  }, 120_000);
});

describe('CoreService.invoke', () => {
  it.each(INHERITED_NAMES)('refuses %s as an unknown command', async (name) => {
    await expect(real.invoke(name as never, {})).rejects.toBeInstanceOf(UserError);
  });
});
