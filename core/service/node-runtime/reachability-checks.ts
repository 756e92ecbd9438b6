/**
 * Doctor checks for the top reason a home miner earns nothing on SN2 2026: validators cannot reach it over UDP
 * (spec sn2-2026 §5.1, §5.3). Each says what was found and exactly what to do.
 */
import { Keypair } from '../../bittensor/keys/index.js';
import type { probeQuic, QuicProbeResult } from '../../btlightning/probe.js';
import type { AxonEndpoint } from '../../chain/metagraph.js';
import { ADDRESS_CLASS_TEXT, classifyAddress } from '../../net/address-class.js';
import { cannotCheck, type DoctorCheck } from './doctor-checks.js';

export type ProbeFn = typeof probeQuic;

const FORWARD_FIX = (port: number) =>
  `forward UDP port ${port} on your router to this computer (TCP forwarding does not help: the 2026 miner speaks QUIC over UDP), allow UDP ${port} in this computer's firewall, or let the app open it (Mining → Router port → "Open the port on my router")`;

/**
 * Whether the doctor checks the 2026 transport (QUIC/UDP) instead of the v10 axon (HTTP/TCP). Mainnet speaks 2026
 * (spec sn2-2026 §1, "State of mainnet"); a protocol forced in Settings (`mining.protocol`) wins. The chain-read
 * decision for `auto` (core/protocols) should replace the mainnet rule.
 */
export const checksQuic = (network: string, choice: 'auto' | 'v10' | '2026' = 'auto'): boolean =>
  network !== 'practice' && (choice === 'auto' ? network === 'finney' : choice === '2026');

/** Validators dial only globally routable IPv4 (§5.1); a CGNAT address on an interface means nobody can reach in. */
export function publicIpv4Check(externalIp: string | undefined, localAddresses: string[]): DoctorCheck {
  if (!externalIp)
    return cannotCheck('public-ipv4', 'the external IP is unknown (see the external-ip check)');
  const kind = classifyAddress(externalIp);
  if (kind !== 'public') {
    return {
      id: 'public-ipv4',
      ok: false,
      message: `the address announced for this miner, ${externalIp}, is ${ADDRESS_CLASS_TEXT[kind]}: SN2 validators dial only public IPv4 addresses`,
      fix:
        kind === 'ipv6'
          ? 'the 2026 miner serves IPv4 only: set --axon.external_ip (Settings → Axon → External IP) to your public IPv4; without one (IPv6-only or DS-Lite access) ask your provider for a public IPv4 or mine from a server'
          : "set --axon.external_ip (Settings → Axon → External IP) to your router's public IPv4, or leave it empty to detect it",
    };
  }
  const cgnat = localAddresses.filter((a) => classifyAddress(a) === 'cgnat');
  if (cgnat.length) {
    return {
      id: 'public-ipv4',
      ok: false,
      message: `this computer has the address ${cgnat[0]} (carrier-grade NAT, 100.64.0.0/10) while the Internet sees ${externalIp}: your provider shares that public address among customers, so no validator can reach in`,
      fix: 'ask your provider for a public IPv4 address (often "disable CGNAT" or "public IP option"), or mine from a server with a public IPv4',
    };
  }
  const direct = localAddresses.includes(externalIp);
  return {
    id: 'public-ipv4',
    ok: true,
    message: direct
      ? `this computer has the public IPv4 ${externalIp} itself (no router in between): only its firewall can block validators`
      : `public IPv4 ${externalIp}`,
  };
}

/** The chain entry validators read (§1): IPv4, protocol 4, this machine's public IP and the engine's UDP port. */
export function quicAxonOnChainCheck(
  axon: AxonEndpoint | null | undefined,
  port: number,
  externalIp: string | undefined,
): DoctorCheck {
  if (axon === undefined)
    return cannotCheck('axon-chain', 'the hotkey is not registered, so no axon is announced');
  if (axon === null) {
    return {
      id: 'axon-chain',
      ok: false,
      message: 'no axon is announced on chain: validators cannot find this miner',
      fix: 'start mining: the engine announces its address and UDP port (serve_axon) when it starts',
    };
  }
  const announced = `${axon.ip}:${axon.port}`;
  const wrong: string[] = [];
  if (axon.ipType !== 4) wrong.push(`IP type ${axon.ipType} (the 2026 validators need IPv4)`);
  if (axon.protocol !== 4) wrong.push(`protocol ${axon.protocol} (validators dial only protocol 4)`);
  if (axon.port !== port) wrong.push(`port ${axon.port} instead of ${port}`);
  if (externalIp && axon.ip !== externalIp) wrong.push(`IP ${axon.ip} instead of ${externalIp}`);
  return wrong.length
    ? {
        id: 'axon-chain',
        ok: false,
        message: `the chain announces ${announced}: ${wrong.join(', ')}`,
        fix: 'restart mining so the engine announces the current address, or set the external IP and port in Settings',
      }
    : { id: 'axon-chain', ok: true, message: `the chain announces ${announced} (UDP, QUIC)` };
}

const freshKey = () => Keypair.fromSeed(crypto.getRandomValues(new Uint8Array(32)));

/** Is the engine's UDP port bound by a btlightning server on this computer, with our hotkey? */
export async function quicLocalCheck(
  probe: ProbeFn,
  port: number,
  ownHotkey: string | undefined,
  minerRunning: boolean,
): Promise<DoctorCheck> {
  const r = await probe({ host: '127.0.0.1', port, signer: await freshKey(), ...expecting(ownHotkey) });
  if (r.reached && r.minerHotkey === '') {
    return {
      id: 'quic-local',
      ok: true,
      message: `a btlightning server answers on UDP port ${port} but refused before authentication (more than 30 handshakes a minute); run the doctor again in a minute to see its hotkey`,
    };
  }
  if (r.reached && r.hotkeyMatches !== false) {
    return {
      id: 'quic-local',
      ok: true,
      message: `the miner answers btlightning on UDP port ${port} (hotkey ${r.minerHotkey}; the doctor's probe key was ${r.probeHotkey})`,
    };
  }
  if (r.reached) {
    return {
      id: 'quic-local',
      ok: false,
      message: `another miner answers on UDP port ${port}: hotkey ${r.minerHotkey || '(none)'}, not this wallet's ${ownHotkey}`,
      fix: `stop the other miner, or choose another port (Settings → Axon → Port)`,
    };
  }
  if (r.failure?.kind === 'quic-unavailable') {
    return cannotCheck(
      'quic-local',
      r.message,
      'the miner itself is not affected; check its UDP port from another computer with "sn2 probe quic <public IP>:<port>"',
    );
  }
  return {
    id: 'quic-local',
    ok: false,
    message: `nothing answers btlightning on UDP port ${port} of this computer: ${r.message}`,
    fix: minerRunning
      ? 'the miner is running but its UDP port does not answer yet: on a first start the engine downloads circuits before it listens (see the log); otherwise restart mining'
      : 'start mining: the engine listens on its UDP port only while it runs',
  };
}

/**
 * A handshake through the public address. From inside the LAN this needs NAT hairpinning, which many routers lack,
 * so a timeout is inconclusive (§4.9): skipped, not failed. The conclusive signal is the validator's own handshake.
 */
export async function quicExternalCheck(
  probe: ProbeFn,
  externalIp: string | undefined,
  port: number,
  ownHotkey: string | undefined,
  localOk: boolean,
): Promise<DoctorCheck> {
  if (!localOk)
    return cannotCheck('quic-external', 'the miner does not answer on this computer (see quic-local)');
  if (!externalIp || classifyAddress(externalIp) !== 'public')
    return cannotCheck('quic-external', 'no public IPv4 to try (see public-ipv4)');
  const r: QuicProbeResult = await probe({
    host: externalIp,
    port,
    signer: await freshKey(),
    ...expecting(ownHotkey),
  });
  const target = `${externalIp}:${port}`;
  if (r.reached && r.hotkeyMatches !== false) {
    return {
      id: 'quic-external',
      ok: true,
      message: `reachable from the Internet at ${target} (UDP): this miner answered through the public address`,
    };
  }
  if (r.reached) {
    return {
      id: 'quic-external',
      ok: false,
      message: `${target} is answered by another miner (hotkey ${r.minerHotkey || 'not named'}): the router forwards UDP ${port} to another computer`,
      fix: `point the UDP ${port} forward on your router at this computer`,
    };
  }
  return {
    id: 'quic-external',
    ok: false,
    skipped: true,
    message: `no answer through the public address ${target} (${r.failure?.kind ?? 'failed'}): the port is not forwarded, or your router cannot loop traffic back from inside (NAT hairpinning), which this check cannot tell apart`,
    fix: `${FORWARD_FIX(port)}. The proof that validators reach you is a "Handshake successful" line from the validator in the miner log`,
  };
}

const expecting = (hotkey: string | undefined) => (hotkey ? { expectHotkey: hotkey } : {});
