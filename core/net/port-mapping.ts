/**
 * Opening the miner's UDP port on the user's router, only with consent: NAT-PMP (RFC 6886) to the default gateway
 * first, then UPnP IGD, through `@achingbrain/nat-port-mapper` 4.0.5. The library's own refresh is off (it treats
 * the NAT-PMP lifetime as seconds on the wire but milliseconds for its timer) and its NAT-PMP `unmap` deletes a TCP
 * mapping whatever was mapped, so renewal and removal are done here.
 */
import type { EventEmitter } from 'node:events';
import type { Gateway } from '@achingbrain/nat-port-mapper';
import type { z } from 'zod';
import type { PortMappingStateSchema } from '../contract/reachability.js';
import { errorMessage } from '../util/errors.js';
import { defaultGatewayIpv4 } from './default-gateway.js';

export type PortMappingState = z.output<typeof PortMappingStateSchema>;
type Method = NonNullable<PortMappingState['method']>;

export interface PortMapperOptions {
  /** The local IPv4 the router should forward to. */
  internalHost: () => string | undefined;
  /** NAT-PMP server address; default the default gateway; null = do not try NAT-PMP. */
  pmpGateway?: string | null;
  /** A UPnP device description URL; default: SSDP discovery on the LAN; null = do not try UPnP. */
  upnpDescriptor?: URL | null;
  /** Lease asked for (RFC 6886 recommends 7200 s; UPnP routers get at least 3600 s from the library). */
  lifetimeS?: number;
  /** Per router request. */
  timeoutMs?: number;
  onChange?: (state: PortMappingState) => void;
}

interface Active {
  method: Method;
  gateway: Gateway;
  internalHost: string;
  internalPort: number;
  externalPort: number;
}

/** The library's UPnP gateway object beyond its public `Gateway` type: its SOAP device. */
interface UpnpGatewayService {
  getGateway(options?: { signal?: AbortSignal }): Promise<{
    run(
      service: string,
      action: string,
      args: Array<[string, string | number]>,
      options?: { signal?: AbortSignal },
    ): Promise<unknown>;
  }>;
}
const WAN_IP_CONNECTION_2 = 'urn:schemas-upnp-org:service:WANIPConnection:2';

const DESCRIPTION = 'Subnet 2 miner (btlightning, UDP)';

export class UdpPortMapper {
  #state: PortMappingState = { state: 'off', message: 'no port is mapped on the router' };
  #active: Active | undefined;
  #renewal: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PortMapperOptions) {}

  get state(): PortMappingState {
    return this.#state;
  }

  /** Map `port` (UDP, same number outside); replaces an existing mapping of another port. */
  open(port: number): Promise<PortMappingState> {
    return this.#serial(async () => {
      if (this.#active?.internalPort === port && this.#state.state === 'mapped') return this.#state;
      if (this.#active) await this.#remove();
      const internalHost = this.options.internalHost();
      if (!internalHost)
        return this.#set({ state: 'failed', message: 'this computer has no LAN IPv4 address to forward to' });
      this.#set({
        state: 'opening',
        internalPort: port,
        message: `asking the router to forward UDP ${port}`,
      });
      const problems: string[] = [];
      for await (const [method, gateway] of this.#gateways(problems)) {
        try {
          const mapping = await this.#map(method, gateway, internalHost, port);
          this.#active = {
            method,
            gateway,
            internalHost,
            internalPort: port,
            externalPort: mapping.externalPort,
          };
          return this.#mapped(mapping.externalPort, mapping.externalHost);
        } catch (err) {
          problems.push(`${label(method)} at ${gateway.host}: ${this.#why(err)}`);
          await gateway.stop().catch(() => {});
        }
      }
      return this.#set({
        state: 'failed',
        internalPort: port,
        message: `the router did not open UDP ${port}: ${problems.join('; ') || 'no router answered NAT-PMP or UPnP'}; forward it by hand in the router's settings`,
      });
    });
  }

  /** Remove the mapping (on Stop), and say what the router answered. */
  close(): Promise<PortMappingState> {
    return this.#serial(async () => {
      if (this.#active) return this.#remove();
      // Keep the answer of the last removal; a failed attempt is simply over.
      return this.#state.state === 'off'
        ? this.#state
        : this.#set({ state: 'off', message: 'no port is mapped on the router' });
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => {});
    return next;
  }

  async *#gateways(problems: string[]): AsyncGenerator<[Method, Gateway]> {
    // ESM-only package (its exports have no "require"): imported dynamically so the CommonJS Electron main bundle
    // keeps a native import() instead of a require() that would fail at start-up.
    const { pmpNat, upnpNat } = await import('@achingbrain/nat-port-mapper');
    const pmpHost =
      this.options.pmpGateway === undefined ? await defaultGatewayIpv4() : this.options.pmpGateway;
    if (pmpHost) {
      const pmp = pmpNat(pmpHost, { autoRefresh: false });
      // Its UDP socket's errors (port 5350 in use, network down) are emitted as 'error': unhandled, they would crash.
      (pmp as unknown as EventEmitter).on('error', (err: Error) =>
        problems.push(`NAT-PMP socket: ${err.message}`),
      );
      yield ['nat-pmp', pmp];
    }
    if (this.options.upnpDescriptor === null) return;
    const upnp = upnpNat({ autoRefresh: false });
    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      if (this.options.upnpDescriptor)
        yield ['upnp', await upnp.getGateway(this.options.upnpDescriptor, { signal })];
      else for await (const gateway of upnp.findGateways({ signal })) yield ['upnp', gateway];
    } catch (err) {
      if (!signal.aborted) problems.push(`UPnP: ${errorMessage(err)}`);
    }
  }

  #why(err: unknown): string {
    return err instanceof Error && err.name === 'TimeoutError'
      ? `no answer within ${this.#timeoutMs} ms`
      : errorMessage(err);
  }

  get #timeoutMs(): number {
    return this.options.timeoutMs ?? 5_000;
  }

  get #lifetimeS(): number {
    return this.options.lifetimeS ?? 7200;
  }

  #map(method: Method, gateway: Gateway, internalHost: string, port: number) {
    return gateway.map(port, internalHost, {
      protocol: 'udp',
      externalPort: port,
      description: DESCRIPTION,
      autoRefresh: false,
      // The library sends NAT-PMP lifetimes as given (seconds), UPnP ones in milliseconds.
      ttl: method === 'nat-pmp' ? this.#lifetimeS : this.#lifetimeS * 1000,
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
  }

  #mapped(externalPort: number, externalIp: string): PortMappingState {
    const a = this.#active!;
    const renewInMs = (this.#lifetimeS * 1000) / 2;
    clearTimeout(this.#renewal);
    this.#renewal = setTimeout(() => void this.#renew(), renewInMs);
    this.#renewal.unref();
    return this.#set({
      state: 'mapped',
      method: a.method,
      gateway: a.gateway.host,
      internalHost: a.internalHost,
      internalPort: a.internalPort,
      externalPort,
      externalIp,
      lifetimeS: this.#lifetimeS,
      renewAt: new Date(Date.now() + renewInMs).toISOString(),
      message: `the router (${label(a.method)} at ${a.gateway.host}) forwards UDP ${externalIp}:${externalPort} to ${a.internalHost}:${a.internalPort}`,
    });
  }

  #renew(): Promise<unknown> {
    return this.#serial(async () => {
      const a = this.#active;
      if (!a) return;
      try {
        const mapping = await this.#map(a.method, a.gateway, a.internalHost, a.internalPort);
        this.#mapped(mapping.externalPort, mapping.externalHost);
      } catch (err) {
        this.#set({
          ...this.#state,
          state: 'failed',
          message: `renewing the UDP ${a.internalPort} mapping failed (${label(a.method)} at ${a.gateway.host}: ${this.#why(err)}); trying again in a minute`,
        });
        this.#renewal = setTimeout(() => void this.#renew(), 60_000);
        this.#renewal.unref();
      }
    });
  }

  async #remove(): Promise<PortMappingState> {
    const a = this.#active!;
    clearTimeout(this.#renewal);
    this.#active = undefined;
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let refusal: string | undefined;
    try {
      if (a.method === 'nat-pmp') {
        // RFC 6886 §3.4: lifetime 0 and suggested external port 0 delete the mapping.
        await a.gateway.map(a.internalPort, a.internalHost, {
          protocol: 'udp',
          externalPort: 0,
          ttl: 0,
          autoRefresh: false,
          signal,
        });
      } else {
        // The library's unmap sends NewProtocol "" (refused by IGD as Invalid Args) and hides the answer.
        const device = await (a.gateway as unknown as UpnpGatewayService).getGateway({ signal });
        await device.run(
          WAN_IP_CONNECTION_2,
          'DeletePortMapping',
          [
            ['NewRemoteHost', ''],
            ['NewExternalPort', a.externalPort],
            ['NewProtocol', 'UDP'],
          ],
          { signal },
        );
      }
    } catch (err) {
      refusal = this.#why(err);
    } finally {
      // NAT-PMP: closes its UDP socket. (UPnP's stop would repeat the library's faulty unmap; it holds no socket.)
      if (a.method === 'nat-pmp') await a.gateway.stop().catch(() => {});
    }
    const where = `${label(a.method)} at ${a.gateway.host}`;
    return this.#set({
      state: 'off',
      message: refusal
        ? `could not remove the UDP ${a.internalPort} mapping (${where} answered: ${refusal}); it expires with its lease, or remove it in the router's settings`
        : `removed the UDP ${a.internalPort} mapping (${where}; the router confirmed)`,
    });
  }

  #set(state: PortMappingState): PortMappingState {
    this.#state = state;
    this.options.onChange?.(state);
    return state;
  }
}

const label = (m: Method) => (m === 'nat-pmp' ? 'NAT-PMP' : 'UPnP');
