import type { Standing } from '../../../core/contract/index.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { useQuery } from '../state/use-query.js';
import { Card, Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';
import { dash, formatNumber, formatTao, shortAddress } from '../format.js';

/**
 * uid, stake, incentive, emission, rank — and, for every number that is zero, why. Practice has no chain
 * to look up between runs (the miner starts one and reports its standing on it as events), so there the
 * card explains that instead of showing chain.standing's refusal.
 */
export function StandingCard() {
  const query = useQuery('chain.standing', {});
  const settings = useQuery('settings.get', {});
  useCoreEvent('standing', (event) => query.set(() => event.standing));
  const s: Standing | undefined = query.data;
  const practice = settings.data?.network === 'practice';
  return (
    <Card
      title="On-chain standing"
      id="standing"
      actions={
        !practice && (
          <button type="button" className="btn btn-small" onClick={query.reload} disabled={query.loading}>
            {query.loading ? 'Refreshing…' : 'Refresh'}
          </button>
        )
      }
    >
      {practice ? (
        <p className="muted" data-testid="standing-practice">
          Practice runs its own local chain only while you mine or validate here
          {s
            ? ': these figures come live from the current or latest mining run.'
            : ', so there is no standing to show yet: it appears here, live, once mining starts.'}
        </p>
      ) : (
        <ErrorNote error={query.error} onRetry={query.reload} />
      )}
      {query.loading && !s && !practice && <Loading what="standing" />}
      {s && (
        <>
          <dl className="stats">
            <Stat label="Registered" value={s.registered ? 'yes' : 'no'} />
            <Stat label="UID" value={s.uid ?? dash} />
            <Stat label="Stake" value={formatTao(s.stake)} />
            <Stat label="Incentive" value={formatNumber(s.incentive)} />
            <Stat label="Emission" value={formatTao(s.emission)} />
            <Stat label="Trust" value={formatNumber(s.trust)} />
            <Stat
              label="Rank among miners"
              value={s.rank !== undefined ? `${s.rank} of ${s.minersInSubnet ?? '?'}` : dash}
            />
            <Stat
              label="Validator permit"
              value={s.validatorPermit === undefined ? dash : s.validatorPermit ? 'yes' : 'no'}
            />
          </dl>
          <p className="muted">
            {s.network}, netuid {s.netuid}, hotkey <span className="mono">{shortAddress(s.hotkey)}</span>
            {s.axon && <> · axon {s.axon}</>}
            {s.block !== undefined && <> · block {s.block}</>}
          </p>
          {s.explanations.length > 0 && (
            <ul className="explanations" aria-label="Why some numbers are zero">
              {s.explanations.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
