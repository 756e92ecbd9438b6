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

/** Send one frame and wait for the next reply frame. */
export function roundTrip(ws: WebSocket, frame: string | object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
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
