/**
 * The page may only load its own scripts and styles and talk back to this server (HTTP and WebSocket:
 * CSP 3 `'self'` covers ws:// on the same host). No inline script, no framing, no plugins.
 */
export const WEB_UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
