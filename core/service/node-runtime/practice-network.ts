import { join } from 'node:path';
import { loadHotkey } from '../../bittensor/wallet/index.js';
import { dataPaths } from '../../util/paths.js';
import type { Sr25519Signer } from '../../bittensor/signer.js';
import { PracticeSession } from '../../practice/practice-session.js';
import { errorMessage } from '../../util/errors.js';
import type { CoreEvent, Settings } from '../../contract/index.js';
import type { Logger } from '../../contract/logger.js';
import type { RunningNode } from './component-lifecycle.js';
import type { HostHooks } from '../host-hooks.js';
import { idleOnlyGate, type IdleOnlyControl } from './idle-only.js';

export interface PracticeNetworkOptions {
  /** The app's data folder; the practice devnet, circuits and validator state live in `<root>/practice`. */
  dataDir: string;
  emit: (event: CoreEvent) => void;
  logger: Logger;
  /** ms between practice epochs (score, set weights, advance the devnet, standing). */
  epochEveryMs?: number;
  /** The idle source for `mining.idleOnly`. */
  host?: HostHooks;
}

type Role = 'miner' | 'validator';

/**
 * The embedded Practice network shared by `miner.start` and `validator.start` on network `practice`:
 * one PracticeSession (devnet, our miner, our validator querying it round after round) that runs while
 * either role is started. Every `epochEveryMs` it scores what was answered, sets weights on chain,
 * advances the devnet past the epoch and emits the miner's standing.
 */
export class PracticeNetwork {
  private session: Promise<PracticeSession> | undefined;
  private readonly users = new Set<Role>();
  private epochTimer: NodeJS.Timeout | undefined;
  private epoch: Promise<void> | undefined;
  private keyNote = '';

  constructor(private readonly o: PracticeNetworkOptions) {}

  /** Start (or join) the practice session for a role; `progress` gets the startup steps. */
  async join(role: Role, settings: Settings, progress: (line: string) => void): Promise<RunningNode> {
    if (!this.session) {
      const starting = this.startSession(settings, progress);
      this.session = starting;
      starting.catch(() => (this.session = undefined));
    }
    const session = await this.session;
    this.users.add(role);
    if (role === 'validator') return this.validatorNode(session);
    return this.minerNode(session, await idleOnlyGate(settings.mining, this.o.host ?? {}, session.miner));
  }

  private async startSession(settings: Settings, progress: (line: string) => void): Promise<PracticeSession> {
    const minerKey = await practiceMinerKey(settings);
    this.keyNote = minerKey
      ? `hotkey ${minerKey.address} (wallet "${settings.wallet.name}")`
      : 'a throwaway practice hotkey (no usable wallet hotkey found; practice never touches real TAO)';
    const session = await PracticeSession.start({
      dataDir: join(this.o.dataDir, 'practice'),
      emit: this.o.emit,
      info: (line) => {
        this.o.logger.info({ component: 'practice' }, line);
        progress(line);
      },
      minerKey,
      circuitsDir: join(this.o.dataDir, 'circuits'),
      paths: dataPaths(this.o.dataDir),
      prover: settings.prover,
    });
    this.epochTimer = setInterval(() => void this.runEpoch(session), this.o.epochEveryMs ?? 30_000);
    return session;
  }

  private runEpoch(session: PracticeSession): Promise<void> {
    this.epoch ??= (async () => {
      try {
        const epoch = await session.settleEpoch();
        this.o.logger.info({ component: 'practice', ...epoch }, 'practice epoch settled');
        await session.miner.refreshStanding();
      } catch (err) {
        this.o.emit({
          type: 'log',
          level: 'warn',
          component: 'practice',
          msg: `practice epoch: ${errorMessage(err)}`,
          at: Date.now(),
        });
      } finally {
        this.epoch = undefined;
      }
    })();
    return this.epoch;
  }

  private async leave(role: Role): Promise<void> {
    this.users.delete(role);
    if (this.users.size > 0 || !this.session) return;
    const session = await this.session;
    this.session = undefined;
    clearInterval(this.epochTimer);
    await this.epoch;
    await session.stop();
  }

  private minerNode(session: PracticeSession, idle: IdleOnlyControl | null): RunningNode {
    const axon = session.miner.endpoint;
    const mining = `Practice network (local devnet, netuid ${session.netuid}): miner uid ${session.minerUid} with ${this.keyNote}`;
    return {
      get detail() {
        return idle ? `${mining}; ${idle.detail}` : mining;
      },
      onDetail: (listener) => idle?.onDetail((d) => listener(`${mining}; ${d}`)),
      axon: axon ? { host: axon.host, port: axon.port } : undefined,
      stats: () => session.miner.stats(),
      inFlight: () => session.miner.inFlight,
      refusals: () => session.miner.refusals(),
      stop: () => {
        // The practice validator can go on querying the miner after this: it must not stay paused.
        idle?.stop();
        session.miner.resume();
        return this.leave('miner');
      },
      onFailure: (listener) => session.onFailure(listener),
    };
  }

  private validatorNode(session: PracticeSession): RunningNode {
    return {
      detail: `Practice network (local devnet, netuid ${session.netuid}): validator uid ${session.validator.uid} querying miner uid ${session.minerUid}`,
      stats: () => [],
      inFlight: () => session.validator.inFlightCount,
      stop: () => this.leave('validator'),
      onFailure: (listener) => session.onFailure(listener),
    };
  }
}

/** The user's hotkey when it can be read without a password; practice falls back to a throwaway key. */
async function practiceMinerKey(settings: Settings): Promise<Sr25519Signer | undefined> {
  try {
    return await loadHotkey({
      name: settings.wallet.name,
      hotkey: settings.wallet.hotkey,
      path: settings.wallet.path,
    });
  } catch {
    return undefined;
  }
}
