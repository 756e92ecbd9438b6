// Main process: the Electron security checklist in one place, applied to every window and session.
import type { Session, WebContents, WebPreferences } from 'electron';
import { APP_ORIGIN } from './channels.js';
import { WEB_UI_CSP } from '../core/contract/web-ui-csp.js';

/** CSP for the renderer: the same policy the web UI serves (own scripts and styles only, no remote anything). */
export const RENDERER_CSP = WEB_UI_CSP;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** True for a URL of the bundled renderer (app://renderer/…) and nothing else. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Only http(s) links leave the app, and only to the user's browser. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** No permission (camera, notifications from the page, geolocation, …) is ever granted to web content. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [RENDERER_CSP],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // The app never loads anything from the network; only its own scheme and devtools are let through.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}

/** No navigation away from the app, no new windows, no webviews; links open in the browser. */
export function lockDownContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}
