import { createSocket, type Socket } from 'node:dgram';

/**
 * A NAT-PMP server (RFC 6886) on 127.0.0.1:5351 standing in for a home router: external-address requests (op 0),
 * UDP/TCP mapping requests (ops 1/2) including deletion (lifetime 0 → mapped port 0, lifetime 0, §3.4), result
 * codes for an unsupported version (1), a refusing router (2, "NAT-PMP disabled") and unknown opcodes (5).
 * Loopback only: it never listens on or answers any other address.
 */
export interface NatPmpMapping {
  protocol: 'UDP' | 'TCP';
  internalPort: number;
  externalPort: number;
  lifetimeS: number;
}

export interface NatPmpResponder {
  mappings: Map<string, NatPmpMapping>;
  /** Every request: opcode, internal port, lifetime. */
  requests: Array<{ op: number; internalPort?: number; lifetimeS?: number }>;
  close(): Promise<void>;
}

const RESULT = { success: 0, unsupportedVersion: 1, refused: 2, unsupportedOpcode: 5 } as const;

export async function startNatPmpResponder(
  options: { externalIp?: string; refuse?: boolean; grantLifetimeS?: number } = {},
): Promise<NatPmpResponder> {
  const started = Date.now();
  const external = (options.externalIp ?? '198.51.100.20').split('.').map(Number);
  const mappings = new Map<string, NatPmpMapping>();
  const requests: NatPmpResponder['requests'] = [];
  const socket: Socket = createSocket({ type: 'udp4' });

  socket.on('message', (msg, rinfo) => {
    if (rinfo.address !== '127.0.0.1' || msg.length < 2) return;
    const [version, op] = msg;
    const header = (length: number, result: number) => {
      const out = Buffer.alloc(length);
      out.writeUInt8(0, 0);
      out.writeUInt8(128 + op, 1);
      out.writeUInt16BE(result, 2);
      out.writeUInt32BE(Math.floor((Date.now() - started) / 1000), 4);
      return out;
    };
    const reply = (out: Buffer) => socket.send(out, rinfo.port, rinfo.address);
    if (version !== 0) return reply(header(8, RESULT.unsupportedVersion));
    if (op === 0) {
      requests.push({ op });
      const out = header(12, options.refuse ? RESULT.refused : RESULT.success);
      Buffer.from(external).copy(out, 8);
      return reply(out);
    }
    if ((op !== 1 && op !== 2) || msg.length < 12) return reply(header(8, RESULT.unsupportedOpcode));
    const internalPort = msg.readUInt16BE(4);
    const suggested = msg.readUInt16BE(6);
    const lifetimeS = msg.readUInt32BE(8);
    requests.push({ op, internalPort, lifetimeS });
    const out = header(16, options.refuse ? RESULT.refused : RESULT.success);
    out.writeUInt16BE(internalPort, 8);
    const key = `${op === 1 ? 'UDP' : 'TCP'}:${internalPort}`;
    if (!options.refuse) {
      if (lifetimeS === 0) {
        mappings.delete(key);
      } else {
        const granted = Math.min(lifetimeS, options.grantLifetimeS ?? lifetimeS);
        const externalPort = suggested || internalPort;
        mappings.set(key, {
          protocol: op === 1 ? 'UDP' : 'TCP',
          internalPort,
          externalPort,
          lifetimeS: granted,
        });
        out.writeUInt16BE(externalPort, 10);
        out.writeUInt32BE(granted, 12);
      }
    }
    return reply(out);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(5351, '127.0.0.1', () => resolve());
  });
  return {
    mappings,
    requests,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
