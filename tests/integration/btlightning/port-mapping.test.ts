// One file: the NAT-PMP responder needs 127.0.0.1:5351 and the client 5350, which parallel test files would share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/index.js';
import { silentLogger } from '../../../core/contract/logger.js';
import { UdpPortMapper, type PortMappingState } from '../../../core/net/port-mapping.js';
import { CoreService } from '../../../core/service/core-service.js';
import { reachabilityArea } from '../../../core/service/handlers/reachability.js';
import { startNatPmpResponder, type NatPmpResponder } from '../../helpers/nat-pmp-responder.js';

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

/**
 * The consent setting drives the router mapping from the miner's status: running → open, stopped → removed.
 * The real CoreService keeps the consent off (its own port mapper would talk to this machine's real router); the
 * area under test is a second instance on the same context whose router is the loopback NAT-PMP responder.
 */
const tmp = mkdtempSync(join(tmpdir(), 'sn2-portmap-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const until = async (what: () => boolean) => {
  for (let waited = 0; !what() && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return what();
};

describe('portMapping commands and the openRouterPort consent', () => {
  it('opens the UDP port when the miner runs, removes it when it stops, and the commands report it', async () => {
    const responder = await startNatPmpResponder({ externalIp: '198.51.100.20' });
    const core = new CoreService({ dataDir: join(tmp, 'data'), logger: silentLogger() });
    const area = reachabilityArea({
      pmpGateway: '127.0.0.1',
      upnpDescriptor: null,
      internalHost: () => '127.0.0.1',
      timeoutMs: 2_000,
    })(core.context);
    const notifications: CoreEvent[] = [];
    core.onEvent((e) => e.type === 'notification' && notifications.push(e));
    const status = (state: 'running' | 'stopped') =>
      core.context.emit({ type: 'status', component: 'miner', state, at: Date.now() });
    const h = area.handlers;
    try {
      await core.invoke('settings.update', { axon: { port: 9188 } });
      status('running');
      await new Promise((r) => setTimeout(r, 300));
      expect(responder.mappings.size).toBe(0); // no consent, no mapping

      core.context.settings.update({ axon: { openRouterPort: true } });
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
      expect(await h['portMapping.status']!({})).toMatchObject({
        state: 'off',
        message: expect.stringMatching(/^removed the UDP 9188 mapping/),
      });

      expect(await h['portMapping.open']!({ port: 9200 })).toMatchObject({
        state: 'mapped',
        internalPort: 9200,
      });
      expect(await h['portMapping.close']!({})).toMatchObject({ state: 'off' });
      expect(notifications).toEqual([]);
    } finally {
      await area.dispose?.();
      await core.close();
      await responder.close();
    }
  });
});
