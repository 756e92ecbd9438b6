import { request } from 'node:https';
import type { PeerCertificate } from 'node:tls';
import WebSocket from 'ws';

/** Pin the server by its certificate fingerprint, as a client that read it from chain would. */
export const pinTo = (fingerprint: string) => ({
  rejectUnauthorized: false,
  checkServerIdentity: (_host: string, cert: PeerCertificate) =>
    cert.fingerprint256.replaceAll(':', '').toLowerCase() === fingerprint
      ? undefined
      : new Error('certificate fingerprint does not match the pinned one'),
});

export type Opened = { ws: WebSocket } | { status: number };

/** Open `wss://…/rpc`; resolves with the socket, or the HTTP status that refused the upgrade. */
export function openRpc(port: number, fingerprint: string, headers: Record<string, string>): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://127.0.0.1:${port}/rpc`, { headers, ...pinTo(fingerprint) });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', reject);
  });
}

/**
 * Send one frame and wait for its reply: the reply whose id equals `id` when given (several calls may be in
 * flight on one socket), else the next frame.
 */
export function roundTrip(ws: WebSocket, frame: string | object, id?: string | number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply: unknown = JSON.parse(String(data));
      if (id !== undefined && (reply as { id?: unknown }).id !== id) return;
      ws.off('message', onMessage);
      resolve(reply);
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

/** Close and wait until the server has seen the socket go (its per-IP count is then freed). */
export async function closeAndWait(ws: WebSocket): Promise<void> {
  if (ws.readyState !== ws.CLOSED)
    await new Promise((resolve) => {
      ws.once('close', resolve);
      ws.close();
    });
  await new Promise((resolve) => setTimeout(resolve, 50));
}

export function httpsGet(
  port: number,
  path: string,
  fingerprint: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', ...pinTo(fingerprint) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
