// One file: the NAT-PMP responder needs 127.0.0.1:5351 and the client 5350, which parallel test files would share.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/index.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { UdpPortMapper, type PortMappingState } from '../../../core/net/port-mapping.js';
import type { ServiceContext } from '../../../core/service/service-context.js';
import { ProofLog } from '../../../core/service/proof-log.js';
import { SettingsStore } from '../../../core/service/settings-store.js';
import { dataPaths } from '../../../core/util/paths.js';
import { reachabilityArea } from '../../../core/service/handlers/reachability.js';
import { startNatPmpResponder, type NatPmpResponder } from '../../helpers/nat-pmp-responder.js';
import { startUpnpIgdResponder } from '../../helpers/upnp-igd-responder.js';

/** NAT-PMP against a loopback responder written from RFC 6886 (nothing leaves 127.0.0.1; UPnP is not tried). */
let responder: NatPmpResponder | undefined;
let mapper: UdpPortMapper | undefined;
afterEach(async () => {
  await mapper?.close();
  await responder?.close();
  mapper = responder = undefined;
});

function loopbackMapper(extra: { lifetimeS?: number } = {}) {
  const changes: PortMappingState[] = [];
  mapper = new UdpPortMapper({
    internalHost: () => '127.0.0.1',
    pmpGateway: '127.0.0.1',
    upnpDescriptor: null,
    timeoutMs: 1_500,
    onChange: (s) => changes.push(s),
    ...extra,
  });
  return { mapper, changes };
}

describe('UDP port mapping over NAT-PMP', () => {
  it('maps the UDP port, reports what the router said, and removes it (lifetime 0) on close', async () => {
    responder = await startNatPmpResponder({ externalIp: '198.51.100.20' });
    const { mapper: m, changes } = loopbackMapper();
    const opened = await m.open(8091);
    expect(opened).toMatchObject({
      state: 'mapped',
      method: 'nat-pmp',
      gateway: '127.0.0.1',
      internalHost: '127.0.0.1',
      internalPort: 8091,
      externalPort: 8091,
      externalIp: '198.51.100.20',
      lifetimeS: 7200,
    });
    expect(opened.message).toBe(
      'the router (NAT-PMP at 127.0.0.1) forwards UDP 198.51.100.20:8091 to 127.0.0.1:8091',
    );
    expect(Date.parse(opened.renewAt!) - Date.now()).toBeGreaterThan(3_500_000);
    expect(responder.mappings.get('UDP:8091')).toEqual({
      protocol: 'UDP',
      internalPort: 8091,
      externalPort: 8091,
      lifetimeS: 7200,
    });
    expect(changes.map((c) => c.state)).toEqual(['opening', 'mapped']);

    const closed = await m.close();
    expect(closed).toEqual({
      state: 'off',
      message: 'removed the UDP 8091 mapping (NAT-PMP at 127.0.0.1; the router confirmed)',
    });
    expect(responder.mappings.size).toBe(0);
    expect(responder.requests.filter((r) => r.op === 1).map((r) => r.lifetimeS)).toEqual([7200, 0]);
  });

  it('renews the lease at half its lifetime', async () => {
    responder = await startNatPmpResponder();
    const { mapper: m } = loopbackMapper({ lifetimeS: 2 });
    await m.open(8091);
    await new Promise((r) => setTimeout(r, 1_600));
    expect(responder.requests.filter((r) => r.op === 1 && r.lifetimeS === 2).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(m.state.state).toBe('mapped');
  });

  it('a router with NAT-PMP disabled: failed, with its answer and what to do', async () => {
    responder = await startNatPmpResponder({ refuse: true });
    const { mapper: m } = loopbackMapper();
    const state = await m.open(8091);
    expect(state.state).toBe('failed');
    expect(state.message).toBe(
      "the router did not open UDP 8091: NAT-PMP at 127.0.0.1: Not Authorized/Refused (gateway may have NAT-PMP disabled); forward it by hand in the router's settings",
    );
  });

  it('no router answering: failed after the timeout, saying so', async () => {
    const { mapper: m } = loopbackMapper();
    const state = await m.open(8091);
    expect(state).toMatchObject({ state: 'failed' });
    expect(state.message).toMatch(/NAT-PMP at 127\.0\.0\.1: no answer within 1500 ms/);
  });
});

describe('UDP port mapping over UPnP IGD:2 (loopback SOAP responder, no SSDP)', () => {
  it('maps with AddAnyPortMapping, reads the external address, and deletes the UDP mapping on close', async () => {
    const igd = await startUpnpIgdResponder({ externalIp: '198.51.100.30' });
    try {
      const m = new UdpPortMapper({
        internalHost: () => '127.0.0.1',
        pmpGateway: null,
        upnpDescriptor: igd.descriptor,
        timeoutMs: 3_000,
      });
      const opened = await m.open(8091);
      expect(opened).toMatchObject({
        state: 'mapped',
        method: 'upnp',
        gateway: '127.0.0.1',
        externalIp: '198.51.100.30',
        externalPort: 8091,
      });
      expect(igd.mappings.get('UDP:8091')).toEqual({
        internalClient: '127.0.0.1',
        internalPort: 8091,
        leaseS: 7200,
      });
      expect(await m.close()).toEqual({
        state: 'off',
        message: 'removed the UDP 8091 mapping (UPnP at 127.0.0.1; the router confirmed)',
      });
      expect(igd.mappings.size).toBe(0);
      expect(igd.actions).toEqual(['AddAnyPortMapping', 'GetExternalIPAddress', 'DeletePortMapping']);
    } finally {
      await igd.close();
    }
  });

  it("reports the router's UPnP error when it refuses", async () => {
    const igd = await startUpnpIgdResponder({ refuse: true });
    try {
      const m = new UdpPortMapper({
        internalHost: () => '127.0.0.1',
        pmpGateway: null,
        upnpDescriptor: igd.descriptor,
        timeoutMs: 3_000,
      });
      expect((await m.open(8091)).message).toBe(
        "the router did not open UDP 8091: UPnP at 127.0.0.1: Code 606 - Action not authorized; forward it by hand in the router's settings",
      );
    } finally {
      await igd.close();
    }
  });
});

/**
 * The consent setting drives the router mapping from the miner's status: running → open, stopped → removed. The
 * area runs on a service context made of the real settings store and an event bus, not on a whole CoreService: the
 * CoreService's own reachability area would follow the same consent and ask this machine's real router.
 */
const tmp = mkdtempSync(join(tmpdir(), 'sn2-portmap-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const until = async (what: () => boolean) => {
  for (let waited = 0; !what() && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return what();
};

function serviceContext(): ServiceContext {
  const bus = new EventEmitter();
  const paths = dataPaths(join(tmp, 'data'));
  const settings = new SettingsStore(paths.settings);
  settings.load();
  return {
    paths,
    settings,
    proofLog: new ProofLog(paths.proofLog),
    logger: silentLogger(),
    host: {},
    emit: (event) => bus.emit('event', event),
    onEvent: (listener) => {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    invoke: (async (name: string) => {
      if (name === 'miner.status') return { state: 'running', since: 0, stats: [], inFlight: 0 };
      throw new Error(`${name} is not part of this test`);
    }) as ServiceContext['invoke'],
  };
}

describe('portMapping commands and the openRouterPort consent', () => {
  it('opens the UDP port when the miner runs, removes it when it stops, and the commands report it', async () => {
    const responder = await startNatPmpResponder({ externalIp: '198.51.100.20' });
    const ctx = serviceContext();
    const area = reachabilityArea({
      pmpGateway: '127.0.0.1',
      upnpDescriptor: null,
      internalHost: () => '127.0.0.1',
      timeoutMs: 2_000,
    })(ctx);
    const notifications: CoreEvent[] = [];
    ctx.onEvent((e) => e.type === 'notification' && notifications.push(e));
    const status = (state: 'running' | 'stopped') =>
      ctx.emit({ type: 'status', component: 'miner', state, at: Date.now() });
    const h = area.handlers;
    try {
      ctx.settings.update({ axon: { port: 9188 } });
      status('running');
      await new Promise((r) => setTimeout(r, 300));
      expect(responder.mappings.size).toBe(0); // no consent, no mapping

      ctx.settings.update({ axon: { openRouterPort: true } });
      status('running');
      expect(await until(() => responder.mappings.has('UDP:9188'))).toBe(true);
      expect(await h['portMapping.status']!({})).toMatchObject({
        state: 'mapped',
        externalIp: '198.51.100.20',
        externalPort: 9188,
      });

      status('stopped');
      expect(await until(() => responder.mappings.size === 0)).toBe(true);
      await h['portMapping.close']!({}); // queued behind the removal the stop started: returns once it is done
      expect(await h['portMapping.status']!({})).toEqual({
        state: 'off',
        message: 'removed the UDP 9188 mapping (NAT-PMP at 127.0.0.1; the router confirmed)',
      });

      expect(await h['portMapping.open']!({ port: 9200 })).toMatchObject({
        state: 'mapped',
        internalPort: 9200,
      });
      expect(await h['portMapping.close']!({})).toMatchObject({
        state: 'off',
        message: expect.stringMatching(/^removed/),
      });
      expect(notifications).toEqual([]);
    } finally {
      await area.dispose?.();
      await responder.close();
    }
  });
});
