import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../core/contract/index.js';
import { launchEngine } from '../../../core/engines/run/launch-engine.js';
import { EngineStartError } from '../../../core/engines/run/engine-supervisor.js';
import {
  engineHome,
  freeUdpPort,
  launchConfig,
  standinBinary,
  handInstalled,
} from '../../helpers/engine-standin.js';

const fast = {
  stopTimeoutMs: 5_000,
  backoff: { initialMs: 50, maxMs: 200 },
  crashLoop: { max: 3, windowMs: 60_000 },
};

async function start(
  env: Record<string, string>,
  o: { port?: number; states?: string[]; stopTimeoutMs?: number } = {},
) {
  const home = engineHome();
  const events: CoreEvent[] = [];
  const port = o.port ?? (await freeUdpPort());
  const details: string[] = [];
  const run = launchEngine(
    {
      binary: await handInstalled(standinBinary(home.dir, 'sn2-miner', env)),
      config: launchConfig(home, port),
      hotkeyFile: home.hotkeyFile,
      emit: (e) => events.push(e),
      onState: (state, detail) => o.states?.push(`${state}: ${detail}`),
      supervisor: { ...fast, stopTimeoutMs: o.stopTimeoutMs ?? fast.stopTimeoutMs },
    },
    (d) => details.push(d),
  );
  return { home, events, port, details, run };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('EngineSupervisor with the stand-in sn2-miner', () => {
  it('starts, shows the first-start download, turns requests into proof-log entries, stops gracefully', async () => {
    const s = await start({
      STANDIN_REQUESTS: '4',
      STANDIN_FAIL_EVERY: '4',
      STANDIN_REQUEST_INTERVAL_MS: '20',
    });
    const sup = await s.run;
    expect(sup.version).toBe('14.6.0');
    expect(s.details.some((d) => d.startsWith('downloading circuits'))).toBe(true);
    const progress = s.events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: 120, total: 120, finished: true, unit: 'items' });
    await until(() => s.events.filter((e) => e.type === 'proof').length === 4);
    const proofs = s.events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
    expect(proofs.map((p) => p.status)).toEqual(['proved', 'proved', 'proved', 'error']);
    for (const p of proofs) {
      expect(p.route).toBe('dsperse-proof-generation');
      expect(p.circuitName).toMatch(/^Example Model v2 slice_\d$/);
      expect(p.validatorHotkey).toBe('5CFxLBvpyQq3TCP7zLcu8dLcPBxhA6MdLvXiCyvJVojuK17J');
      expect(p.totalMs).toBeGreaterThanOrEqual(0);
    }
    expect(proofs[0].proveMs).toBeGreaterThan(0);
    expect(proofs[0].proofBytes).toBe(310001);
    expect(proofs[3].error).toContain('input shape mismatch');
    expect(sup.stats()[0]).toMatchObject({ count: 4, successRate: 0.75 });
    expect(s.events.some((e) => e.type === 'circuitStats')).toBe(true);
    await sup.stop();
    expect(s.events.some((e) => e.type === 'log' && e.msg.startsWith('engine stopped'))).toBe(false);
  });

  it('restarts after a crash (panic, exit 101) and reports it', async () => {
    const states: string[] = [];
    const s = await start({ STANDIN_CRASH_AFTER_MS: '300' }, { states });
    const sup = await s.run;
    await until(() => states.some((x) => x.startsWith('running')));
    expect(states[0]).toMatch(
      /^starting: sn2-miner crashed \(thread 'tokio-runtime-worker' panicked.*restarting in 1 s$/,
    );
    await sup.stop();
  });

  it('gives up on a crash loop with the last reason', async () => {
    const s = await start({ STANDIN_EXIT_CODE: '101', STANDIN_ERROR: 'boom' });
    await expect(s.run).rejects.toThrow(
      /crashed 3 times in 1 min, not restarting it again; last: sn2-miner crashed/,
    );
  });

  it('does not restart an unregistered hotkey and says what to do', async () => {
    const s = await start({ STANDIN_REGISTERED: '0' });
    const err = await s.run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineStartError);
    expect((err as EngineStartError).verdict?.kind).toBe('not-registered');
    expect((err as Error).message).toMatch(
      /^hotkey 5Grw\w+ is not registered on subnet 2: register the hotkey first/,
    );
  });

  it('names the process holding the UDP port', async () => {
    const port = await freeUdpPort();
    const holder = createSocket('udp4');
    await new Promise<void>((r) => holder.bind(port, '0.0.0.0', r));
    try {
      const s = await start({}, { port });
      await expect(s.run).rejects.toThrow(
        new RegExp(`^UDP port ${port} is already in use by node \\(pid ${process.pid}\\): stop that program`),
      );
    } finally {
      holder.close();
    }
  });

  it('says which hotkey file it cannot read', async () => {
    const s = await start({});
    const { rmSync } = await import('node:fs');
    rmSync(s.home.hotkeyFile);
    await expect(s.run).rejects.toThrow(
      /cannot read the hotkey file .*hotkeys\/default \(loading wallet: loading hotkey: Keyfile does not exist/,
    );
  });

  it('stop waits for the proof in flight, and kills after the timeout', async () => {
    const s = await start({
      STANDIN_REQUESTS: '1',
      STANDIN_REQUEST_INTERVAL_MS: '10',
      STANDIN_PROOF_MS: '800',
    });
    const sup = await s.run;
    await until(() => sup.inFlight() === 1);
    const t0 = Date.now();
    await sup.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(
      s.events.filter((e) => e.type === 'proof').map((e) => e.type === 'proof' && e.entry.status),
    ).toEqual(['proved']);

    const slow = await start({
      STANDIN_REQUESTS: '1',
      STANDIN_REQUEST_INTERVAL_MS: '10',
      STANDIN_PROOF_MS: '60000',
    });
    const sup2 = await slow.run;
    await until(() => sup2.inFlight() === 1);
    await sup2.stop();
    const lost = slow.events.flatMap((e) => (e.type === 'proof' ? [e.entry] : []));
    expect(lost.map((p) => [p.status, p.error])).toEqual([['error', 'engine stopped: stopped']]);
  });

  it('survives garbage and a flood of output with bounded log events', async () => {
    const s = await start({ STANDIN_GARBAGE: '1', STANDIN_FLOOD: '20000' });
    const sup = await s.run;
    await new Promise((r) => setTimeout(r, 1500));
    const logs = s.events.filter((e) => e.type === 'log');
    expect(logs.some((e) => e.type === 'log' && e.msg === 'not a log line at all')).toBe(true);
    expect(logs.every((e) => e.type === 'log' && e.msg.length <= 16 * 1024)).toBe(true);
    expect(logs.some((e) => e.type === 'log' && /engine log line\(s\) not shown/.test(e.msg))).toBe(true);
    expect(logs.length).toBeLessThan(1000);
    await sup.stop();
  });
});
