// Main process: auto-update through electron-updater. Checks at start and every few hours, downloads
// in the background, and installs only on the user's request and only when no proof is in flight.
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { UpdateState as ContractUpdateState } from '../core/contract/index.js';

/** The contract's update state; `unsupported` is what a core without this controller reports. */
export type UpdateState = Exclude<ContractUpdateState, { kind: 'unsupported' }>;

export interface UpdateControllerOptions {
  updater: AppUpdater;
  channel: 'stable' | 'beta';
  /** Proofs being computed right now (miner + validator); an update never interrupts one. */
  inFlightProofs: () => Promise<number>;
  onState: (state: UpdateState) => void;
  intervalMs?: number;
  log?: (msg: string) => void;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

export class UpdateController {
  private state: UpdateState = { kind: 'idle' };
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly opts: UpdateControllerOptions) {
    const u = opts.updater;
    u.autoDownload = true;
    u.autoInstallOnAppQuit = false;
    this.setChannel(opts.channel);
    u.on('checking-for-update', () => this.set({ kind: 'checking' }));
    u.on('update-not-available', () => this.set({ kind: 'idle' }));
    u.on('download-progress', (p: { percent: number }) =>
      this.set({
        kind: 'downloading',
        version: this.pendingVersion ?? '',
        percent: Math.min(100, Math.max(0, p.percent)),
      }),
    );
    u.on('update-available', (info: UpdateInfo) => {
      this.pendingVersion = info.version;
      this.set({ kind: 'downloading', version: info.version, percent: 0 });
    });
    u.on('update-downloaded', (info: UpdateInfo) => this.set({ kind: 'ready', version: info.version }));
    u.on('error', (err: Error) => this.set({ kind: 'error', message: err.message }));
  }

  private pendingVersion: string | undefined;

  get current(): UpdateState {
    return this.state;
  }

  setChannel(channel: 'stable' | 'beta'): void {
    this.opts.updater.channel = channel === 'beta' ? 'beta' : 'latest';
    this.opts.updater.allowPrerelease = channel === 'beta';
    this.opts.updater.allowDowngrade = false;
  }

  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.opts.intervalMs ?? SIX_HOURS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async check(): Promise<void> {
    if (this.state.kind === 'downloading' || this.state.kind === 'ready') return;
    try {
      await this.opts.updater.checkForUpdates();
    } catch (err) {
      this.set({ kind: 'error', message: (err as Error).message });
    }
  }

  /**
   * Restart into the downloaded version, unless a proof is being computed: then nothing happens and
   * the reason is returned, so the user can try again once the miner is idle.
   */
  async restartToUpdate(): Promise<{ restarted: boolean; reason?: string }> {
    if (this.state.kind !== 'ready') return { restarted: false, reason: 'no update has been downloaded' };
    const inFlight = await this.opts.inFlightProofs();
    if (inFlight > 0) {
      return { restarted: false, reason: `${inFlight} proof(s) in flight: try again when they are done` };
    }
    this.opts.updater.quitAndInstall(false, true);
    return { restarted: true };
  }

  private set(state: UpdateState): void {
    this.state = state;
    this.opts.log?.(`update: ${state.kind}${'message' in state ? ` ${state.message}` : ''}`);
    this.opts.onState(state);
  }
}
