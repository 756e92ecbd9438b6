/** How the supervisor reacts to an exit (spec sn2-2026.md §2.7). */
export type ExitAction = 'stopped' | 'restart' | 'halt';

export type ExitKind =
  | 'requested'
  | 'unsolicited'
  | 'wallet'
  | 'not-registered'
  | 'chain-unreachable'
  | 'port-in-use'
  | 'server-failed'
  | 'config'
  | 'flags'
  | 'panic'
  | 'killed'
  | 'missing-library'
  | 'unknown';

export interface ExitVerdict {
  action: ExitAction;
  kind: ExitKind;
  /** One line for the user: what happened and what to do. */
  message: string;
}

export interface ExitFacts {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The app asked it to stop (SIGTERM, then SIGKILL after the timeout). */
  requested: boolean;
  /** The last lines of stderr (bounded). */
  stderr: string[];
  /** For the messages: the hotkey file the engine reads and the UDP port. */
  hotkeyFile: string;
  port: number;
  /** Who holds the port, when the exit says it is in use (looked up by the caller). */
  portHolder?: string;
}

/** `Error: <msg>` and its anyhow `Caused by:` chain, joined: the engine's one-line reason. */
export function anyhowReason(stderr: string[]): string | undefined {
  const start = stderr.findIndex((l) => l.startsWith('Error: '));
  if (start < 0) return undefined;
  const causes = stderr
    .slice(start + 1)
    .map((l) => l.trim().replace(/^\d+:\s*/, ''))
    .filter((l) => l && l !== 'Caused by:' && !l.startsWith('Stack backtrace') && !/^at /.test(l));
  return [stderr[start].slice('Error: '.length), ...causes].join(': ');
}

const ADDRESS_IN_USE = /address already in use|os error (98|48|10048)/i;

export function classifyExit(f: ExitFacts): ExitVerdict {
  const verdict = (action: ExitAction, kind: ExitKind, message: string): ExitVerdict => ({
    action,
    kind,
    message,
  });
  if (f.requested) return verdict('stopped', 'requested', 'stopped');
  const all = f.stderr.join('\n');
  const reason = anyhowReason(f.stderr);
  if (/error while loading shared libraries/.test(all)) {
    const lib = /loading shared libraries: ([^:\s]+)/.exec(all)?.[1] ?? 'a system library';
    return verdict(
      'halt',
      'missing-library',
      `sn2-miner cannot start: ${lib} is missing${lib.startsWith('libssl') ? ' (install OpenSSL 3, e.g. "sudo apt install libssl3")' : ''}`,
    );
  }
  if (f.signal)
    return verdict(
      'restart',
      'killed',
      `sn2-miner was killed by ${f.signal}${f.signal === 'SIGKILL' ? ' (the system may have run out of memory: close other programs or add RAM/swap)' : ''}`,
    );
  if (f.code === 0)
    return verdict(
      'restart',
      'unsolicited',
      'sn2-miner exited on its own (code 0) although the app did not stop it',
    );
  if (f.code === 2) {
    const usage = f.stderr.find((l) => l.startsWith('error:')) ?? 'usage error';
    return verdict(
      'halt',
      'flags',
      `this sn2-miner rejected its command line (${usage.replace(/^error:\s*/, '')}): it is a different version than the app expects; the app re-reads its --help on the next start`,
    );
  }
  if (f.code === 101) {
    const panic = f.stderr.find((l) => l.includes('panicked at')) ?? 'a panic';
    return verdict('restart', 'panic', `sn2-miner crashed (${panic.trim()})`);
  }
  if (f.code === 1 && reason) {
    if (/^loading (wallet|hotkey)/.test(reason))
      return verdict(
        'halt',
        'wallet',
        `sn2-miner cannot read the hotkey file ${f.hotkeyFile} (${reason}): it needs the unencrypted btcli hotkey file; re-import the hotkey or pick another in Settings`,
      );
    if (/is not registered on subnet|none of the configured hotkeys is registered/.test(reason))
      return verdict(
        'halt',
        'not-registered',
        `${reason.split('. Register with')[0]}: register the hotkey first (Mining → Register, or "sn2 register"), then start again`,
      );
    if (/connecting to subtensor at .* timed out|initial metagraph sync/.test(reason))
      return verdict('restart', 'chain-unreachable', `sn2-miner could not reach the chain: ${reason}`);
    if (/QUIC server/.test(reason) && ADDRESS_IN_USE.test(reason))
      return verdict(
        'halt',
        'port-in-use',
        `UDP port ${f.port} is already in use${f.portHolder ? ` by ${f.portHolder}` : ''}: stop that program or choose another axon port in Settings`,
      );
    if (/QUIC server/.test(reason))
      return verdict('restart', 'server-failed', `sn2-miner's QUIC server failed: ${reason}`);
    if (/external IP|--external-ip|--log-level/.test(reason))
      return verdict('halt', 'config', `sn2-miner refused its settings: ${reason}`);
    return verdict('restart', 'unknown', `sn2-miner stopped with an error: ${reason}`);
  }
  const last = f.stderr.filter((l) => l.trim()).at(-1);
  return verdict(
    'restart',
    'unknown',
    `sn2-miner exited with code ${f.code ?? 'unknown'}${last ? `: ${last.trim()}` : ''}`,
  );
}
