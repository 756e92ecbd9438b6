import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => ({}));

const { secureWebPreferences, hardenSession, lockDownContents, isAppUrl, RENDERER_CSP } =
  await import('../../../electron/security.js');

describe('window security settings', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP without inline or remote scripts', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });

  it('recognises only the bundled app origin', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://renderer/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const capture = (name: string) => (fn: (...args: never[]) => unknown) => {
    handlers[name] = fn;
  };
  const session = {
    setPermissionRequestHandler: capture('permissionRequest'),
    setPermissionCheckHandler: capture('permissionCheck'),
    setDevicePermissionHandler: capture('devicePermission'),
    webRequest: { onHeadersReceived: capture('headers'), onBeforeRequest: capture('beforeRequest') },
  };
  return { session: session as unknown as Session, handlers };
}

describe('session hardening', () => {
  const { session, handlers } = fakeSession();
  hardenSession(session);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      (handlers.permissionRequest as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
        {},
        permission,
        callback,
      );
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect((handlers.permissionCheck as () => boolean)()).toBe(false);
    expect((handlers.devicePermission as () => boolean)()).toBe(false);
  });

  it('puts the CSP on every response', () => {
    const callback = vi.fn();
    (handlers.headers as (d: unknown, cb: (r: unknown) => void) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: expect.objectContaining({ 'Content-Security-Policy': [RENDERER_CSP] }),
    });
  });

  it('cancels every request that is not to the bundled app', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (d: unknown, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        callback,
      );
      return callback.mock.calls[0][0].cancel as boolean;
    };
    expect(decide('app://renderer/assets/index.js')).toBe(false);
    expect(decide('https://cdn.example/lib.js')).toBe(true);
    expect(decide('http://127.0.0.1:9944/')).toBe(true);
    expect(decide('file:///home/user/.bittensor/wallets/default/coldkey')).toBe(true);
  });
});

describe('navigation lock-down', () => {
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  const openExternal = vi.fn();
  lockDownContents(contents as unknown as WebContents, openExternal);
  const navigate = (event: string, url: string) => {
    const e = { preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };

  it('blocks navigation and redirects away from the app', () => {
    expect(navigate('will-navigate', 'https://phishing.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://phishing.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://renderer/index.html')).toBe(false);
  });

  it('never attaches a webview', () => {
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; http(s) links go to the browser, other schemes nowhere', () => {
    const handler = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => {
      action: string;
    };
    expect(handler({ url: 'https://docs.example/sn2' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.example/sn2');
    openExternal.mockClear();
    expect(handler({ url: 'file:///bin/sh' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});
