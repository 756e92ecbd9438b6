import type { RefusalSummary } from '../../contract/index.js';
import { BLACKLIST_REASONS } from '../../miner/blacklist.js';
import type { DoctorCheck } from './doctor-checks.js';

const share = (n: number, total: number) => `${Math.round((100 * n) / total)} %`;

/**
 * What the miner's refusals say about the setup: stale nonces mean a clock off (ours or the validators'),
 * validators refused for low stake are the blacklist working as specified (§7.2), internal errors need
 * their ids. Quiet (ok) when there is nothing to diagnose.
 */
export function refusalsCheck(summary: RefusalSummary | undefined, minerRunning: boolean): DoctorCheck {
  if (!summary || !minerRunning)
    return {
      id: 'refusals',
      ok: true,
      skipped: true,
      message: 'the miner is not running: refused requests are counted while it runs',
    };
  if (summary.total === 0)
    return { id: 'refusals', ok: true, message: 'no request refused since the miner started' };
  const by = summary.byReason;
  const stale = by['stale-nonce'] ?? 0;
  const internal = by['internal-error'] ?? 0;
  const lowStake = summary.topCallers.filter(
    (c) => c.reason === 'blacklisted' && c.lastMessage.includes(BLACKLIST_REASONS.lowStake),
  );
  const findings: string[] = [];
  const fixes: string[] = [];
  if (stale > 0) {
    const callers = new Set(
      summary.topCallers.filter((c) => c.reason === 'stale-nonce').map((c) => c.caller),
    );
    findings.push(`${stale} request(s) refused for a stale nonce from ${callers.size} caller(s)`);
    fixes.push(
      callers.size > 1
        ? "several validators send nonces out of the time window: this computer's clock is probably off; turn on automatic time sync (NTP)"
        : 'one validator sends nonces out of the time window: its clock (or this one) is off; check the clock check above',
    );
  }
  if (lowStake.length > 0) {
    findings.push(
      `${lowStake.length} validator(s) blacklisted for stake below the minimum (e.g. ${lowStake[0].caller})`,
    );
    fixes.push(
      'validators below the SN2 stake minimum are refused by design (§7.2); nothing to fix unless you lowered it on purpose',
    );
  }
  if (internal > 0) {
    const ids = summary.recentErrors.slice(0, 3).map((e) => `#${e.id}: ${e.message}`);
    findings.push(`${internal} internal error(s) (${ids.join('; ')})`);
    fixes.push('internal errors are bugs or a broken prover: see the logs for the ids above');
  }
  const ok = stale === 0 && internal === 0;
  const totals = Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n} ${reason} (${share(n, summary.total)})`)
    .join(', ');
  return {
    id: 'refusals',
    ok,
    message: `${summary.total} request(s) refused since the miner started: ${totals}${findings.length ? `. ${findings.join('. ')}` : ''}`,
    ...(fixes.length ? { fix: fixes.join('; ') } : {}),
  };
}
