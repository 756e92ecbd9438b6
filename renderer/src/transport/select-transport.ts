import type { Sn2PreloadApi } from '../../../core/contract/bridge.js';
import { BRIDGE_TOKEN_FRAGMENT_KEY } from '../../../core/contract/bridge.js';
import { electronTransport } from './electron-transport.js';
import { webTransport } from './web-transport.js';
import type { CoreTransport } from './transport.js';

declare global {
  interface Window {
    sn2?: Sn2PreloadApi;
  }
}

const TOKEN_KEY = 'sn2.bridgeToken';

/**
 * Takes the token from the URL fragment (`#token=…`, as printed by `sn2 ui`) into this tab's session
 * storage and removes it from the address bar, so it is not left in history or screenshots.
 */
export function takeTokenFromLocation(win: Window): string | null {
  const params = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromUrl = params.get(BRIDGE_TOKEN_FRAGMENT_KEY);
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

/** Electron when the preload is present, else the web bridge; null when the web page has no token. */
export function selectTransport(win: Window): CoreTransport | null {
  if (win.sn2) return electronTransport(win.sn2);
  const token = takeTokenFromLocation(win);
  return token ? webTransport(win.location.origin, token) : null;
}
