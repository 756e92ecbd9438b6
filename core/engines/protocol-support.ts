import type { Protocol, ProtocolSupport } from '../contract/index.js';
import { engineSupport } from './install/platform.js';

/** Circuits for the 2026 engine: several GB on first start (spec sn2-2026.md §2.11). */
export const ENGINE_DISK_BYTES = 10 * 1024 ** 3;
/** The v10 circuits plus proving keys fit in far less. */
export const V10_DISK_BYTES = 2 * 1024 ** 3;

export interface ProtocolSupportInput {
  protocol: Protocol;
  platform: string;
  arch: string;
  /** The engine binary the app would run (`sn2 engine use`'s or the installed one, re-hashed); undefined when none. */
  enginePath?: string;
  /** The port the miner would listen on, and whether something else holds it now (undefined: not checked). */
  port: number;
  portInUseBy?: string;
  /** Free bytes on the data folder's disk; undefined when unknown. */
  freeDiskBytes?: number;
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Can this computer mine `protocol`? Pure: the caller gathers the facts. v10 needs the port (TCP) and a
 * little disk; 2026 needs an `sn2-miner` build for this OS/arch (spec §2.1), the binary (installed, or
 * installable from upstream), the port (UDP) and several GB for circuits (spec §2.11).
 */
export function assessProtocolSupport(input: ProtocolSupportInput): ProtocolSupport {
  const checks: ProtocolSupport['checks'] = [];
  const is2026 = input.protocol === '2026';
  const transport = is2026 ? 'UDP (QUIC)' : 'TCP (HTTP axon)';
  if (is2026) {
    const p = engineSupport(input.platform, input.arch);
    checks.push(
      p.supported
        ? { id: 'platform', ok: true, message: `upstream builds sn2-miner for this computer (${p.asset})` }
        : { id: 'platform', ok: false, message: p.reason },
    );
    if (p.supported)
      checks.push(
        input.enginePath
          ? { id: 'engine', ok: true, message: `sn2-miner at ${input.enginePath}` }
          : {
              id: 'engine',
              ok: true,
              message: 'sn2-miner is not installed yet; install it before mining (sn2 engine install)',
            },
      );
  }
  checks.push(
    input.portInUseBy
      ? { id: 'port', ok: false, message: `port ${input.port} is in use by ${input.portInUseBy}` }
      : { id: 'port', ok: true, message: `port ${input.port} (${transport}) is free` },
  );
  const needed = is2026 ? ENGINE_DISK_BYTES : V10_DISK_BYTES;
  if (input.freeDiskBytes !== undefined)
    checks.push(
      input.freeDiskBytes >= needed
        ? { id: 'disk', ok: true, message: `${gb(input.freeDiskBytes)} free (about ${gb(needed)} needed)` }
        : {
            id: 'disk',
            ok: false,
            message: `only ${gb(input.freeDiskBytes)} free; about ${gb(needed)} needed for circuits`,
          },
    );
  const blocking = checks.filter((c) => !c.ok);
  const canMine = blocking.length === 0;
  const willWork = ['Practice (the built-in v10 devnet) works on this computer'];
  const wontWork: string[] = [];
  if (canMine)
    willWork.push(
      is2026
        ? 'mining the 2026 protocol: the app runs the official sn2-miner; validators reach it over UDP on the published port'
        : 'mining the v10 protocol with the app’s own miner',
    );
  else
    wontWork.push(
      `mining the ${input.protocol} protocol: ${blocking.map((c) => c.message).join('; ')}`,
      'a registration now would burn TAO for a hotkey this computer cannot serve',
    );
  const summary = canMine
    ? `This computer can mine the ${input.protocol} protocol.`
    : `This computer cannot mine the ${input.protocol} protocol: ${blocking[0].message}.`;
  return { protocol: input.protocol, canMine, checks, willWork, wontWork, summary };
}
