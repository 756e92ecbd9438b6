import { request } from 'node:http';
import type { ApiPromise } from '@polkadot/api';
import { detectHardware } from '../../hardware/detect.js';
import { ezklStatus } from '../../provers/ezkl/status.js';
import type { CircuitStore } from '../../circuits/store.js';
import type { Metagraph } from '../../chain/metagraph.js';
import { errorMessage } from '../../util/errors.js';
import { resolveExternalIp, type IpLookup } from '../../chain/external-ip.js';
import type { CommandOutput, Settings } from '../../contract/index.js';

export type DoctorCheck = CommandOutput<'doctor.run'>['checks'][number];

/** A check whose prerequisite is missing: not a failure of the machine, but not a pass either. */
export const cannotCheck = (id: string, why: string, fix?: string): DoctorCheck => ({
  id,
  ok: false,
  skipped: true,
  message: why,
  ...(fix ? { fix } : {}),
});

export async function hardwareCheck(dataDir: string): Promise<DoctorCheck> {
  const report = await detectHardware(dataDir);
  const failing = report.verdict.checks.filter((c) => !c.ok);
  return {
    id: 'hardware',
    ok: report.verdict.meetsMinimum,
    message: report.verdict.summary,
    ...(failing.length ? { fix: failing.map((c) => c.message).join(' ') } : {}),
  };
}

/** Does something answer HTTP on the axon port of this machine? Any status (the axon 404s on `/`) counts. */
export function probeHttp(host: string, port: number, timeoutMs = 3_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: '/', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export async function axonLocalCheck(port: number, minerRunning: boolean): Promise<DoctorCheck> {
  try {
    const status = await probeHttp('127.0.0.1', port);
    return { id: 'axon-local', ok: true, message: `the axon answers on port ${port} (HTTP ${status})` };
  } catch (err) {
    return {
      id: 'axon-local',
      ok: false,
      message: `nothing answers on port ${port}: ${errorMessage(err)}`,
      fix: minerRunning
        ? 'the miner is running but its port does not answer: check that no firewall on this machine blocks it'
        : 'start mining first; the axon only listens while the miner runs',
    };
  }
}

/** The public IP the miner announces: the override, or what the echo services say (bounded wait offline). */
export async function externalIpCheck(
  override: string | undefined,
  lookup: IpLookup,
): Promise<{ check: DoctorCheck; ip?: string }> {
  try {
    const ip = await resolveExternalIp(override, lookup);
    return {
      ip,
      check: {
        id: 'external-ip',
        ok: true,
        message: override ? `external IP ${ip} (set in Settings)` : `external IP ${ip} (detected)`,
      },
    };
  } catch (err) {
    return {
      check: {
        id: 'external-ip',
        ok: false,
        message: errorMessage(err),
        fix: "set --axon.external_ip (Settings → Axon → External IP) to this machine's public IP",
      },
    };
  }
}

/** Validators reach the address announced on chain: it must be this machine's public IP and port. */
export function axonOnChainCheck(
  meta: Metagraph,
  hotkey: string,
  port: number,
  externalIp: string | undefined,
): DoctorCheck {
  const me = meta.neurons.find((n) => n.hotkey === hotkey);
  if (!me) return cannotCheck('axon-chain', 'the hotkey is not registered, so no axon is announced');
  if (!me.axon)
    return {
      id: 'axon-chain',
      ok: false,
      message: 'no axon is announced on chain: validators cannot find this miner',
      fix: 'start mining: the miner announces its address (serve_axon) on start',
    };
  const announced = `${me.axon.ip}:${me.axon.port}`;
  const mismatch: string[] = [];
  if (me.axon.port !== port) mismatch.push(`port ${me.axon.port} instead of ${port}`);
  if (externalIp && me.axon.ip !== externalIp) mismatch.push(`IP ${me.axon.ip} instead of ${externalIp}`);
  return mismatch.length
    ? {
        id: 'axon-chain',
        ok: false,
        message: `the chain announces ${announced}: ${mismatch.join(', ')}`,
        fix: 'restart mining to re-announce the axon, or set the external IP and port in Settings',
      }
    : {
        id: 'axon-chain',
        ok: true,
        message: `the chain announces ${announced}`,
        fix: `validators connect to ${announced} from the internet: forward TCP port ${me.axon.port} on your router to this machine and allow it in the firewall`,
      };
}

export async function registrationCheck(
  api: ApiPromise,
  meta: Metagraph,
  hotkey: string,
  network: string,
): Promise<DoctorCheck> {
  const me = meta.neurons.find((n) => n.hotkey === hotkey);
  if (!me)
    return {
      id: 'registration',
      ok: false,
      message: `hotkey ${hotkey} is not registered on netuid ${meta.netuid}`,
      fix: `register it (Mining → Register, or "btcli subnet register --netuid ${meta.netuid} --subtensor.network ${network}"); it burns ${Number(meta.hyperparams.burnRao) / 1e9} TAO now`,
    };
  const registeredAt = Number(
    (await api.query.subtensorModule.blockAtRegistration(meta.netuid, me.uid)).toString(),
  );
  const left = registeredAt + meta.hyperparams.immunityPeriod - meta.block;
  return {
    id: 'registration',
    ok: true,
    message:
      left > 0
        ? `registered as uid ${me.uid}; immune to deregistration for ${left} more blocks (~${Math.round((left * 12) / 60)} min)`
        : `registered as uid ${me.uid}; immunity is over: a low score can get this uid deregistered`,
  };
}

/** The chain's `Timestamp.Now` is the latest block's time (blocks every ~12 s). */
export async function clockCheck(api: ApiPromise): Promise<DoctorCheck> {
  const chainMs = Number((await api.query.timestamp.now()).toString());
  const aheadMs = Date.now() - chainMs;
  const ok = aheadMs > -10_000 && aheadMs < 40_000;
  const text = `${Math.abs(Math.round(aheadMs / 1000))} s ${aheadMs >= 0 ? 'ahead of' : 'behind'} the chain's latest block`;
  return {
    id: 'clock',
    ok,
    message: `this clock is ${text}`,
    ...(ok
      ? {}
      : { fix: 'turn on automatic time sync (NTP) in the OS settings; signed requests carry a timestamp' }),
  };
}

export async function proversCheck(settings: Settings, binDir: string): Promise<DoctorCheck> {
  const ezkl = await ezklStatus({ configuredPath: settings.prover.nativePaths.ezkl, binDir });
  return ezkl.installed
    ? {
        id: 'provers',
        ok: true,
        message: `snarkjs (built in) and native ezkl ${ezkl.version} are available`,
      }
    : {
        id: 'provers',
        ok: false,
        message: `snarkjs (built in) is available; ${ezkl.reason}: EZKL circuits cannot be proved`,
        fix: ezkl.installable
          ? `install it: Settings → Proving → "Install ezkl ${ezkl.version}", or run "sn2 ezkl install"`
          : (ezkl.installBlockedReason ??
            `install ezkl ${ezkl.version} and point the app at it: "ezkl=/path/to/ezkl" in Settings → Proving → Native prover paths, or "sn2 ezkl use /path/to/ezkl"`),
      };
}

export async function circuitsCheck(store: CircuitStore): Promise<DoctorCheck> {
  const all = store.list();
  const statuses = await Promise.all(all.map(async (c) => ({ c, s: await store.status(c.id) })));
  const ready = statuses.filter((x) => x.s.canProve);
  const missing = statuses.filter((x) => !x.s.canProve).map((x) => x.c.name);
  return {
    id: 'circuits',
    ok: missing.length === 0,
    message: `${ready.length} of ${all.length} circuits have their files${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
    ...(missing.length ? { fix: 'download them: Hardware → Circuits, or "sn2 circuits fetch"' } : {}),
  };
}
